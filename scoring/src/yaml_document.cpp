#include "attune/scoring/yaml_document.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <limits>
#include <sstream>
#include <unordered_map>

#include "attune/scoring/utf8.h"

namespace attune::yaml {
namespace {

struct Stop {
  SourceMark at;
  std::string message;
  std::string rule;
};

SourceMark from_yaml(const YAML::Mark& mark) {
  // yaml-cpp marks are 0-based; some exceptions carry a null mark (-1).
  return {mark.line < 0 ? 1 : mark.line + 1, mark.column < 0 ? 1 : mark.column + 1};
}

// Where the first invalid UTF-8 sequence (or NUL) is, as a mark and a description.
std::optional<std::pair<SourceMark, std::string>> find_bad_byte(std::string_view text) {
  auto offset = first_invalid_utf8(text);
  if (!offset) return std::nullopt;
  SourceMark mark;
  for (std::size_t i = 0; i < *offset; ++i) {
    if (text[i] == '\n') {
      ++mark.line;
      mark.col = 1;
    } else {
      ++mark.col;  // bytes, as yaml-cpp's own marks and the spans count
    }
  }
  return std::pair{mark,
                   std::string(text[*offset] == '\0' ? "a NUL byte" : "bytes that are not valid UTF-8")};
}

// After yaml-cpp gives up: the first point where brackets nest deeper than `max_depth`. A rough
// count (quotes and comments skipped as well as a scan can) that only relabels a file yaml-cpp
// already rejected, since yaml-cpp reads far ahead inside unclosed brackets before it fails.
std::optional<SourceMark> flow_nesting_overflow(std::string_view text, int max_depth) {
  SourceMark mark;
  int depth = 0;
  char quote = 0;
  bool comment = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      ++mark.line;
      mark.col = 1;
      comment = false;
      continue;
    }
    if (!comment) {
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t')) {
        comment = true;
      } else if ((c == '"' || c == '\'') &&
                 (i == 0 || std::string_view(" \t[{,:").find(text[i - 1]) != std::string_view::npos)) {
        quote = c;
      } else if (c == '[' || c == '{') {
        if (++depth > max_depth) return mark;
      } else if ((c == ']' || c == '}') && depth > 0) {
        --depth;
      }
    }
    ++mark.col;
  }
  return std::nullopt;
}

// A tab in the indentation (or right after a key's colon) near where yaml-cpp stopped.
std::optional<SourceMark> tab_near(std::string_view text, int line) {
  SourceMark mark;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (mark.line > line) break;
    if (text[i] == '\n') {
      ++mark.line;
      mark.col = 1;
      continue;
    }
    if (text[i] == '\t' && mark.line >= line - 1) {
      std::size_t line_start = text.rfind('\n', i);
      line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
      std::string_view before = text.substr(line_start, i - line_start);
      bool indentation = before.find_first_not_of(" \t") == std::string_view::npos;
      bool after_colon = !before.empty() && before.back() == ':';
      if (indentation || after_colon) return mark;
    }
    ++mark.col;
  }
  return std::nullopt;
}

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(Document& document, const Limits& limits) : document_(document), limits_(limits) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node& node = make(Node::Kind::null, mark, anchor);
    // yaml-cpp marks an empty value where the next token starts, often the next line;
    // point at its key instead, where the trainer left it empty.
    if (!stack_.empty() && stack_.back().node->is_map() && stack_.back().pending_key != nullptr) {
      node.mark = stack_.back().pending_key->mark;
    }
    add(node, 1, 0);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) throw Stop{from_yaml(mark), "alias to an unknown anchor", "yaml-syntax"};
    const Node* target = it->second;
    for (const Frame& frame : stack_) {
      if (frame.node == target) {
        throw Stop{from_yaml(mark),
                   "alias refers to the collection it is inside (a cycle); copy the value instead",
                   "alias-cycle"};
      }
    }
    charge(target->weight, target->bytes, mark);
    if (target->is_scalar() || target->is_null()) {
      // A copy with the alias's own position, so a diagnostic about it points at the alias.
      Node& copy = document_.nodes.emplace_back(*target);
      copy.mark = from_yaml(mark);
      add(copy, copy.weight, copy.bytes);
      return;
    }
    add(*target, target->weight, target->bytes);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    Node& node = make(Node::Kind::scalar, mark, anchor);
    node.value = value;
    node.quoted = tag == "!";
    node.bytes = value.size();
    charge(0, node.bytes, mark);
    add(node, 1, node.bytes);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(make(Node::Kind::sequence, mark, anchor), mark);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(make(Node::Kind::map, mark, anchor), mark);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    Node* node;
    const Node* pending_key = nullptr;
    std::unordered_map<std::string, SourceMark> keys;  // scalar keys seen, for duplicates
  };

  Node& make(Node::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    charge(1, 0, mark);
    Node& node = document_.nodes.emplace_back();
    node.kind = kind;
    node.mark = from_yaml(mark);
    if (anchor != YAML::NullAnchor) anchors_[anchor] = &node;
    return node;
  }

  // Counts what the document holds with aliases expanded, in values and in scalar bytes:
  // an alias of a long line copies the line wherever the scenario uses it.
  void charge(std::size_t weight, std::size_t bytes, const YAML::Mark& mark) {
    expanded_ = saturating_add(expanded_, weight);
    expanded_bytes_ = saturating_add(expanded_bytes_, bytes);
    if (expanded_bytes_ > limits_.max_expanded_bytes) {
      throw Stop{from_yaml(mark),
                 "aliases expand this file to more than " + std::to_string(limits_.max_expanded_bytes >> 20) +
                     " MiB of text; write the values out instead of repeating long aliased ones",
                 "alias-limit"};
    }
    if (expanded_ > limits_.max_expanded_nodes) {
      throw Stop{from_yaml(mark),
                 "aliases expand this file to more than " + std::to_string(limits_.max_expanded_nodes) +
                     " values (an alias bomb?); write the values out instead of nesting aliases",
                 "alias-limit"};
    }
  }

  void open(Node& node, const YAML::Mark& mark) {
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      throw Stop{
          from_yaml(mark),
          "nesting deeper than " + std::to_string(limits_.max_depth) +
              " levels; a scenario needs only a few, so look for unclosed brackets or runaway indentation",
          "too-deep"};
    }
    add(node, 0, 0);
    stack_.push_back(Frame{&node, nullptr, {}});
  }

  void close() {
    Node* node = stack_.back().node;
    stack_.pop_back();
    if (!stack_.empty()) {
      Node* parent = stack_.back().node;
      parent->weight = saturating_add(parent->weight, node->weight);
      parent->bytes = saturating_add(parent->bytes, node->bytes);
    }
  }

  static std::size_t saturating_add(std::size_t a, std::size_t b) {
    return b > std::numeric_limits<std::size_t>::max() - a ? std::numeric_limits<std::size_t>::max() : a + b;
  }

  // `weight` and `bytes` are what the node adds to its parent now: a leaf's own, an alias's
  // target's, and 0 for a collection, whose totals are known (and added) when it closes.
  void add(const Node& node, std::size_t weight, std::size_t bytes) {
    if (stack_.empty()) {
      if (document_.root == nullptr) document_.root = &node;
      return;
    }
    Frame& frame = stack_.back();
    Node* parent = frame.node;
    parent->weight = saturating_add(parent->weight, weight);
    parent->bytes = saturating_add(parent->bytes, bytes);
    if (parent->is_sequence()) {
      parent->items.push_back(&node);
      return;
    }
    if (frame.pending_key == nullptr) {
      frame.pending_key = &node;
      if (node.is_scalar()) {
        auto [it, inserted] = frame.keys.emplace(node.value, node.mark);
        if (!inserted) {
          duplicates_.push_back(Diagnostic{{},
                                           node.mark,
                                           Severity::error,
                                           "duplicate key '" + node.value + "' (first at line " +
                                               std::to_string(it->second.line) +
                                               "); YAML keeps only one of them, so merge or rename",
                                           "duplicate-key"});
        }
      }
      return;
    }
    parent->entries.emplace_back(frame.pending_key, &node);
    frame.pending_key = nullptr;
  }

 public:
  Diagnostics duplicates_;

 private:
  Document& document_;
  const Limits& limits_;
  std::vector<Frame> stack_;
  std::unordered_map<YAML::anchor_t, const Node*> anchors_;
  std::size_t expanded_ = 0;
  std::size_t expanded_bytes_ = 0;
};

SourceMark end_of(std::string_view text) {
  SourceMark mark;
  for (char c : text) {
    if (c == '\n') {
      ++mark.line;
      mark.col = 1;
    } else {
      ++mark.col;
    }
  }
  return mark;
}

}  // namespace

const Node* Node::find(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k->is_scalar() && k->value == key) return v;
  }
  return nullptr;
}

std::string_view Node::kind_name() const {
  switch (kind) {
    case Kind::null:
      return "empty";
    case Kind::scalar:
      return "a single value";
    case Kind::sequence:
      return "a list";
    case Kind::map:
      return "a mapping";
  }
  return "empty";
}

ReadResult read_document(std::string_view text, const std::string& file, const Limits& limits) {
  ReadResult result;
  auto fail = [&](SourceMark at, std::string message, std::string rule) {
    result.diagnostics.push_back(Diagnostic{file, at, Severity::error, std::move(message), std::move(rule)});
    return std::move(result);
  };
  if (text.size() > limits.max_bytes) {
    return fail({1, 1},
                "file is " + std::to_string(text.size()) + " bytes, over the limit of " +
                    std::to_string(limits.max_bytes) + "; split it into smaller scenarios",
                "file-too-large");
  }
  if (auto bad = find_bad_byte(text)) {
    return fail(bad->first, "file contains " + bad->second + "; save it as UTF-8 text", "invalid-utf8");
  }
  auto document = std::make_unique<Document>();
  TreeBuilder builder(*document, limits);
  // yaml-cpp 0.7 takes a double-quoted scalar left open at the end of the file as closed when a
  // newline follows it, swallowing every later line; without the trailing whitespace it says so.
  std::string_view trimmed = text;
  while (!trimmed.empty() && std::string_view(" \t\r\n").find(trimmed.back()) != std::string_view::npos) {
    trimmed.remove_suffix(1);
  }
  std::istringstream stream{std::string(trimmed)};
  try {
    YAML::Parser parser(stream);
    if (!parser.HandleNextDocument(builder) || document->root == nullptr) {
      return fail(end_of(text), "file is empty; a scenario starts with 'attune: 1'", "file-empty");
    }
    Document second;
    TreeBuilder rest(second, limits);
    if (parser.HandleNextDocument(rest) && second.root != nullptr) {
      return fail(second.root->mark, "a second YAML document ('---'); put one scenario in each file",
                  "multiple-documents");
    }
  } catch (const Stop& stop) {
    return fail(stop.at, stop.message, stop.rule);
  } catch (const YAML::Exception& e) {
    if (auto deep = flow_nesting_overflow(trimmed, limits.max_depth)) {
      return fail(*deep,
                  "nesting deeper than " + std::to_string(limits.max_depth) +
                      " levels; a scenario needs only a few, so look for unclosed brackets",
                  "too-deep");
    }
    if (auto tab = tab_near(trimmed, from_yaml(e.mark).line)) {
      return fail(*tab,
                  "YAML syntax: a tab here; YAML indents with spaces only, so replace the tab with spaces",
                  "yaml-syntax");
    }
    std::string message = e.msg;
    if (message == "bad file" || message.find("recursion") != std::string::npos) {
      message = "nesting too deep for the YAML reader; look for unclosed brackets";
    }
    return fail(from_yaml(e.mark), "YAML syntax: " + message, "yaml-syntax");
  }
  result.diagnostics = std::move(builder.duplicates_);
  for (auto& d : result.diagnostics) d.file = file;
  result.document = std::move(document);
  return result;
}

}  // namespace attune::yaml
