// The scenario model (format version 1 of PRODUCT.md), as loaded and checked.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "attune/scoring/codes.h"
#include "attune/scoring/diagnostics.h"

namespace attune::sim {

using scoring::Code;

enum class Mood { calm, guarded, distressed, angry, hopeful, tearful };
enum class Outcome { engaged, withdrew, referred, escalated };
enum class ScenarioMode { free, choices };
enum class CompareOp { lt, le, eq, ne, ge, gt };

std::string_view mood_name(Mood mood);
std::string_view outcome_name(Outcome outcome);

// One `VAR OP INT` of an `if`.
struct Comparison {
  std::string var;
  CompareOp op = CompareOp::eq;
  long long value = 0;
  SourceMark at;

  bool holds(long long actual) const;
  std::string text() const;  // normalised, e.g. "trust >= 1"
};

struct VarChange {
  std::string var;
  long long delta = 0;
  SourceMark at;
};

struct Rule {
  std::vector<Code> when;              // empty: any response
  std::vector<Comparison> conditions;  // all must hold
  std::optional<std::string> say;
  std::vector<VarChange> set;
  std::string target;
  SourceMark at;         // the rule's first key
  SourceMark target_at;  // its `goto` value
};

struct Choice {
  std::string text;
  std::optional<std::vector<Code>> codes;  // authored codes, when given
  std::string target;
  SourceMark at;
  SourceMark target_at;
};

struct Node {
  std::string id;
  SourceMark at;  // the node's key under `nodes`
  std::string client;
  Mood mood = Mood::calm;
  int space_ms = 3000;
  bool risk = false;
  std::vector<std::string> model_responses;
  std::vector<SourceMark> model_response_at;
  std::vector<Rule> respond;
  std::optional<std::string> otherwise;
  SourceMark otherwise_at;
  std::vector<Choice> choices;
  bool end = false;
  std::optional<Outcome> outcome;

  bool is_choices() const { return !choices.empty(); }
};

struct Client {
  std::string name;
  std::string persona;
  std::string avatar;
  SourceMark avatar_at;  // where the avatar is named
};

struct Scenario {
  int format = 1;
  std::string id;
  SourceMark id_at;  // where the id is written
  std::string title;
  std::string summary;
  std::string content_note;
  int level = 1;
  std::vector<std::string> competencies;  // the focus
  std::vector<SourceMark> competencies_at;
  ScenarioMode mode = ScenarioMode::free;
  Client client;
  std::map<std::string, long long> vars;  // initial values
  std::string start;
  std::vector<Node> nodes;  // in file order
  std::unordered_map<std::string, std::size_t> node_index;

  std::string source_path;
  std::string source_text;  // the exact bytes loaded, kept for the record's scenario copy
  std::string sha256;       // of source_text, lower-case hex

  const Node* find(const std::string& id) const;
  const Node& node(const std::string& id) const;  // id must exist
  bool has_risk() const;
};

}  // namespace attune::sim
