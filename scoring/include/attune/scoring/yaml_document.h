// A YAML document read defensively: yaml-cpp's event parser feeds a small tree of our own
// with 1-based marks, so hostile files are answered with a diagnostic instead of a hang,
// a crash or a silent surprise (duplicate keys, cyclic aliases, alias bombs, deep nesting).
#pragma once

#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "attune/scoring/diagnostics.h"

namespace attune::yaml {

struct Node {
  enum class Kind { null, scalar, sequence, map };
  Kind kind = Kind::null;
  SourceMark mark;
  std::string value;                                         // scalars
  bool quoted = false;                                       // a quoted scalar is always a string
  std::vector<const Node*> items;                            // sequences
  std::vector<std::pair<const Node*, const Node*>> entries;  // maps, in file order
  std::size_t weight = 1;                                    // nodes in this subtree with aliases expanded
  std::size_t bytes = 0;                                     // its scalar bytes with aliases expanded

  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_sequence() const { return kind == Kind::sequence; }
  bool is_map() const { return kind == Kind::map; }
  const Node* find(std::string_view key) const;  // a map's value for a scalar key, or nullptr
  std::string_view kind_name() const;            // "a string", "a list", "a mapping", "empty"
};

struct Document {
  std::deque<Node> nodes;  // a deque: pointers into it stay valid as it grows
  const Node* root = nullptr;
};

struct Limits {
  std::size_t max_bytes = std::size_t{8} << 20;  // a 10,000-node scenario is under 6 MB
  int max_depth = 64;
  std::size_t max_expanded_nodes = 2'000'000;
  std::size_t max_expanded_bytes = std::size_t{16} << 20;  // scalar text, aliases included: twice max_bytes
};

struct ReadResult {
  std::unique_ptr<Document> document;  // null when reading stopped early
  Diagnostics diagnostics;             // duplicate keys are reported beside a document
};

ReadResult read_document(std::string_view text, const std::string& file, const Limits& limits = {});

}  // namespace attune::yaml
