#include "attune/simulator/scenario_loader.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <span>

#include "attune/scoring/competencies.h"
#include "attune/scoring/yaml_document.h"
#include "attune/simulator/duration.h"
#include "attune/simulator/file_io.h"
#include "attune/simulator/sha256.h"
#include "scenario_checks.h"

namespace attune::sim {
namespace {

using yaml::Node;
using Names = std::span<const std::string_view>;

constexpr std::array<std::string_view, 12> kTopKeys = {"attune",       "id",    "title",        "summary",
                                                       "content_note", "level", "competencies", "mode",
                                                       "client",       "vars",  "start",        "nodes"};
constexpr std::array<std::string_view, 6> kTopRequired = {"attune", "id",    "title",
                                                          "client", "start", "nodes"};
constexpr std::array<std::string_view, 3> kClientKeys = {"name", "persona", "avatar"};
constexpr std::array<std::string_view, 1> kClientRequired = {"name"};
constexpr std::array<std::string_view, 10> kNodeKeys = {
    "client",  "mood",      "space",   "risk", "model_responses",
    "respond", "otherwise", "choices", "end",  "outcome"};
constexpr std::array<std::string_view, 1> kNodeRequired = {"client"};
constexpr std::array<std::string_view, 5> kRuleKeys = {"when", "if", "say", "set", "goto"};
constexpr std::array<std::string_view, 1> kRuleRequired = {"goto"};
constexpr std::array<std::string_view, 3> kChoiceKeys = {"text", "codes", "goto"};
constexpr std::array<std::string_view, 2> kChoiceRequired = {"text", "goto"};
constexpr std::array<std::string_view, 6> kMoods = {"calm",  "guarded", "distressed",
                                                    "angry", "hopeful", "tearful"};
constexpr std::array<std::string_view, 4> kOutcomes = {"engaged", "withdrew", "referred", "escalated"};
constexpr std::array<std::string_view, 2> kModes = {"free", "choices"};
constexpr long long kMaxVarMagnitude = 1'000'000'000;

std::string join(Names names) {
  std::string out;
  for (auto name : names) out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

bool is_identifier(std::string_view s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

std::vector<std::string_view> code_names() {
  std::vector<std::string_view> names;
  for (Code code : scoring::all_codes()) names.push_back(scoring::code_name(code));
  return names;
}

class ScenarioReader {
 public:
  ScenarioReader(const std::string& file, Diagnostics& out) : file_(file), out_(out) {}

  void read(const Node& root, Scenario& s) {
    if (!root.is_map()) {
      error(root.mark,
            "a scenario is a mapping of keys (attune, id, title, ...), not " + std::string(root.kind_name()),
            "wrong-type");
      return;
    }
    check_keys(root, "the scenario", kTopKeys, kTopRequired);
    if (const Node* n = root.find("attune")) {
      if (auto version = integer(*n, "attune"); version && *version != 1) {
        error(n->mark, "format version " + std::to_string(*version) + " is not supported; write 'attune: 1'",
              "unsupported-version");
      }
    }
    if (const Node* n = root.find("id")) {
      if (auto id = text(*n, "id")) {
        s.id = *id;
        s.id_at = n->mark;
        bool ok = !id->empty() && std::all_of(id->begin(), id->end(), [](char c) {
          return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        });
        if (!ok) error(n->mark, "id '" + *id + "' may hold only a-z, 0-9 and '-'", "bad-value");
      }
    }
    read_text(root, "title", s.title);
    read_text(root, "summary", s.summary);
    read_text(root, "content_note", s.content_note);
    if (const Node* n = root.find("level")) {
      if (auto level = integer(*n, "level")) {
        if (*level < 1 || *level > 3) {
          error(n->mark, "level " + std::to_string(*level) + " is out of range; use 1, 2 or 3", "bad-value");
        } else {
          s.level = static_cast<int>(*level);
        }
      }
    }
    if (const Node* n = root.find("competencies")) read_competencies(*n, s);
    if (const Node* n = root.find("mode")) {
      if (auto mode = one_of(*n, "mode", kModes))
        s.mode = *mode == 0 ? ScenarioMode::free : ScenarioMode::choices;
    }
    if (const Node* n = root.find("client")) read_client(*n, s.client);
    if (const Node* n = root.find("vars")) read_vars(*n, s);
    if (const Node* n = root.find("start")) {
      if (auto start = text(*n, "start")) {
        s.start = *start;
        start_at_ = n->mark;
      }
    }
    if (const Node* n = root.find("nodes")) read_nodes(*n, s);
    resolve(s);
  }

 private:
  void error(SourceMark at, std::string message, std::string rule) {
    out_.push_back(Diagnostic{file_, at, Severity::error, std::move(message), std::move(rule)});
  }

  void check_keys(const Node& map, const std::string& where, Names allowed, Names required) {
    for (const auto& [key, value] : map.entries) {
      if (!key->is_scalar()) {
        error(key->mark, "a key in " + where + " must be a plain name", "wrong-type");
        continue;
      }
      if (std::find(allowed.begin(), allowed.end(), key->value) == allowed.end()) {
        error(key->mark,
              "unknown key '" + key->value + "' in " + where +
                  did_you_mean(closest_name(key->value, allowed)) + "; known keys: " + join(allowed),
              "unknown-key");
      }
    }
    for (auto key : required) {
      if (map.find(key) == nullptr) {
        error(map.mark, "missing required key '" + std::string(key) + "' in " + where, "missing-key");
      }
    }
  }

  std::optional<std::string> text(const Node& n, std::string_view key) {
    if (n.is_scalar()) return n.value;
    error(n.mark, "'" + std::string(key) + "' should be text, not " + std::string(n.kind_name()),
          "wrong-type");
    return std::nullopt;
  }

  void read_text(const Node& map, std::string_view key, std::string& into) {
    if (const Node* n = map.find(key)) {
      if (auto value = text(*n, key)) into = *value;
    }
  }

  std::optional<long long> integer(const Node& n, std::string_view key) {
    if (n.is_scalar() && !n.quoted) {
      const std::string& v = n.value;
      long long value = 0;
      const char* begin = v.data() + (v.starts_with('+') ? 1 : 0);
      auto [end, ec] = std::from_chars(begin, v.data() + v.size(), value);
      if (ec == std::errc() && end == v.data() + v.size() && !v.empty()) {
        if (value > kMaxVarMagnitude || value < -kMaxVarMagnitude) {
          error(n.mark, "'" + std::string(key) + "' is out of range (at most one billion either way)",
                "bad-value");
          return std::nullopt;
        }
        return value;
      }
      if (ec == std::errc::result_out_of_range) {
        error(n.mark, "'" + std::string(key) + "' is out of range (at most one billion either way)",
              "bad-value");
        return std::nullopt;
      }
    }
    error(n.mark, "'" + std::string(key) + "' should be a whole number, not " + describe(n), "wrong-type");
    return std::nullopt;
  }

  std::optional<bool> boolean(const Node& n, std::string_view key) {
    if (n.is_scalar() && !n.quoted) {
      if (n.value == "true" || n.value == "True") return true;
      if (n.value == "false" || n.value == "False") return false;
    }
    error(n.mark, "'" + std::string(key) + "' should be true or false, not " + describe(n), "wrong-type");
    return std::nullopt;
  }

  std::optional<std::size_t> one_of(const Node& n, std::string_view key, Names names) {
    if (auto value = text(n, key)) {
      auto it = std::find(names.begin(), names.end(), *value);
      if (it != names.end()) return static_cast<std::size_t>(it - names.begin());
      error(n.mark,
            "'" + std::string(key) + "' is '" + *value + "'" + did_you_mean(closest_name(*value, names)) +
                "; use one of: " + join(names),
            "bad-value");
    }
    return std::nullopt;
  }

  static std::string describe(const Node& n) {
    return n.is_scalar() ? "'" + n.value + "'" : std::string(n.kind_name());
  }

  // A list of scalars; a single scalar is taken as a list of one.
  std::vector<const Node*> scalar_list(const Node& n, std::string_view key) {
    std::vector<const Node*> items;
    if (n.is_scalar()) {
      items.push_back(&n);
    } else if (n.is_sequence()) {
      for (const Node* item : n.items) {
        if (item->is_scalar()) {
          items.push_back(item);
        } else {
          error(item->mark,
                "each entry of '" + std::string(key) + "' should be a name, not " +
                    std::string(item->kind_name()),
                "wrong-type");
        }
      }
    } else if (!n.is_null()) {
      error(n.mark,
            "'" + std::string(key) + "' should be a list like [a, b], not " + std::string(n.kind_name()),
            "wrong-type");
    }
    return items;
  }

  std::vector<Code> codes(const Node& n, std::string_view key) {
    static const std::vector<std::string_view> known = code_names();
    std::vector<Code> out;
    for (const Node* item : scalar_list(n, key)) {
      if (auto code = scoring::code_from_name(item->value)) {
        out.push_back(*code);
      } else {
        error(item->mark,
              "unknown code '" + item->value + "'" + did_you_mean(closest_name(item->value, known)) +
                  "; codes are: " + join(known),
              "unknown-code");
      }
    }
    return out;
  }

  void read_competencies(const Node& n, Scenario& s) {
    for (const Node* item : scalar_list(n, "competencies")) {
      if (scoring::is_competency(item->value)) {
        s.competencies.push_back(item->value);
        s.competencies_at.push_back(item->mark);
      } else {
        error(item->mark,
              "unknown competency '" + item->value + "'" +
                  did_you_mean(closest_name(item->value, Names(scoring::kCompetencyIds))) +
                  "; competencies are: " + join(scoring::kCompetencyIds),
              "unknown-competency");
      }
    }
  }

  void read_client(const Node& n, Client& client) {
    if (!n.is_map()) {
      error(n.mark, "'client' should be a mapping with name and persona, not " + describe(n), "wrong-type");
      return;
    }
    check_keys(n, "client", kClientKeys, kClientRequired);
    read_text(n, "name", client.name);
    read_text(n, "persona", client.persona);
    read_text(n, "avatar", client.avatar);
    if (const Node* avatar = n.find("avatar")) client.avatar_at = avatar->mark;
  }

  void read_vars(const Node& n, Scenario& s) {
    if (n.is_null()) return;
    if (!n.is_map()) {
      error(n.mark, "'vars' should be a mapping of names to whole numbers, like { trust: 0 }", "wrong-type");
      return;
    }
    for (const auto& [key, value] : n.entries) {
      if (!key->is_scalar() || !is_identifier(key->value)) {
        error(key->mark, "variable name '" + describe(*key) + "' should be letters, digits and '_'",
              "bad-value");
        continue;
      }
      if (auto initial = integer(*value, key->value)) s.vars[key->value] = *initial;
    }
  }

  void read_nodes(const Node& n, Scenario& s) {
    if (!n.is_map()) {
      error(n.mark, "'nodes' should be a mapping of node ids to nodes, not " + describe(n), "wrong-type");
      return;
    }
    for (const auto& [key, value] : n.entries) {
      if (!key->is_scalar() || key->value.empty()) {
        error(key->mark, "a node id should be a name", "wrong-type");
        continue;
      }
      if (s.node_index.contains(key->value)) continue;  // the YAML reader reported the duplicate key
      Node_ node;
      node.id = key->value;
      node.at = key->mark;
      read_node(*value, node);
      s.node_index.emplace(node.id, s.nodes.size());
      s.nodes.push_back(std::move(node));
    }
    if (s.nodes.empty())
      error(n.mark, "'nodes' is empty; a scenario needs at least a start and an end node", "missing-key");
  }

  using Node_ = sim::Node;

  void read_node(const Node& n, Node_& node) {
    std::string where = "node '" + node.id + "'";
    if (!n.is_map()) {
      error(n.mark, where + " should be a mapping (client, respond, otherwise, ...), not " + describe(n),
            "wrong-type");
      return;
    }
    check_keys(n, where, kNodeKeys, kNodeRequired);
    read_text(n, "client", node.client);
    if (const Node* v = n.find("mood")) {
      if (auto mood = one_of(*v, "mood", kMoods)) node.mood = static_cast<Mood>(*mood);
    }
    if (const Node* v = n.find("space")) {
      if (auto ms = duration(*v, "space")) node.space_ms = *ms;
    }
    if (const Node* v = n.find("risk")) node.risk = boolean(*v, "risk").value_or(false);
    if (const Node* v = n.find("end")) node.end = boolean(*v, "end").value_or(false);
    if (const Node* v = n.find("outcome")) {
      if (auto outcome = one_of(*v, "outcome", kOutcomes)) node.outcome = static_cast<Outcome>(*outcome);
    }
    if (const Node* v = n.find("model_responses")) {
      for (const Node* item : scalar_list(*v, "model_responses")) {
        node.model_responses.push_back(item->value);
        node.model_response_at.push_back(item->mark);
      }
    }
    if (const Node* v = n.find("respond")) read_rules(*v, where, node);
    if (const Node* v = n.find("otherwise")) {
      if (auto target = text(*v, "otherwise")) {
        node.otherwise = *target;
        node.otherwise_at = v->mark;
      }
    }
    if (const Node* v = n.find("choices")) read_choices(*v, where, node);

    if (node.end) {
      if (!node.outcome)
        error(node.at, "end " + where + " needs an 'outcome' (" + join(kOutcomes) + ")", "missing-key");
      for (std::string_view key : {"respond", "otherwise", "choices"}) {
        if (const Node* v = n.find(key)) {
          error(v->mark, "end " + where + " cannot have '" + std::string(key) + "': the session stops there",
                "end-node-responses");
        }
      }
      return;
    }
    if (const Node* v = n.find("outcome")) {
      error(v->mark, "'outcome' belongs on end nodes; add 'end: true' or remove it", "bad-value");
    }
    if (n.find("choices") != nullptr) {
      for (std::string_view key : {"respond", "otherwise"}) {
        if (const Node* v = n.find(key)) {
          error(v->mark,
                "choices " + where + " cannot also have '" + std::string(key) +
                    "': each choice has its own goto",
                "choices-with-respond");
        }
      }
      const Node* choices = n.find("choices");
      if (choices->is_sequence() && choices->items.size() == 1)  // invalid entries count: they are reported
        error(choices->mark, where + " offers only one choice; give at least two", "bad-value");
    } else if (!node.otherwise) {
      error(
          node.at,
          where +
              " has no 'otherwise': add one (where to go when no rule matches), or 'choices', or 'end: true'",
          "missing-otherwise");
    }
  }

  std::optional<int> duration(const Node& n, std::string_view key) {
    if (!n.is_scalar()) {
      error(n.mark,
            "'" + std::string(key) + "' should be a duration like 4s, not " + std::string(n.kind_name()),
            "wrong-type");
      return std::nullopt;
    }
    if (auto ms = parse_duration_ms(n.value)) return ms;
    error(n.mark,
          "'" + std::string(key) + "' is " + describe(n) +
              ", not a duration; write a number with s or ms, like 4s, 1.5s or 800ms (0 to 10 min)",
          "bad-duration");
    return std::nullopt;
  }

  void read_rules(const Node& n, const std::string& where, Node_& node) {
    if (!n.is_sequence()) {
      error(n.mark, "'respond' should be a list of rules ('- when: [...]'), not " + describe(n),
            "wrong-type");
      return;
    }
    for (const Node* item : n.items) {
      if (!item->is_map()) {
        error(item->mark, "a rule in " + where + " should be a mapping (when, if, say, set, goto)",
              "wrong-type");
        continue;
      }
      Rule rule;
      rule.at = item->mark;
      check_keys(*item, "a rule of " + where, kRuleKeys, kRuleRequired);
      if (const Node* v = item->find("when")) rule.when = codes(*v, "when");
      if (const Node* v = item->find("if")) rule.conditions = conditions(*v);
      if (const Node* v = item->find("say")) rule.say = text(*v, "say");
      if (const Node* v = item->find("set")) rule.set = changes(*v);
      if (const Node* v = item->find("goto")) {
        rule.target = text(*v, "goto").value_or("");
        rule.target_at = v->mark;
      }
      node.respond.push_back(std::move(rule));
    }
  }

  void read_choices(const Node& n, const std::string& where, Node_& node) {
    if (!n.is_sequence()) {
      error(n.mark, "'choices' should be a list of options ('- text: ...'), not " + describe(n),
            "wrong-type");
      return;
    }
    if (n.items.empty()) error(n.mark, "'choices' is empty; give at least two options", "bad-value");
    for (const Node* item : n.items) {
      if (!item->is_map()) {
        error(item->mark, "a choice in " + where + " should be a mapping (text, codes, goto)", "wrong-type");
        continue;
      }
      Choice choice;
      choice.at = item->mark;
      check_keys(*item, "a choice of " + where, kChoiceKeys, kChoiceRequired);
      read_text(*item, "text", choice.text);
      if (const Node* v = item->find("codes")) choice.codes = codes(*v, "codes");
      if (const Node* v = item->find("goto")) {
        choice.target = text(*v, "goto").value_or("");
        choice.target_at = v->mark;
      }
      node.choices.push_back(std::move(choice));
    }
  }

  // `VAR OP INT [and VAR OP INT ...]`; columns point into the scalar where they can.
  std::vector<Comparison> conditions(const Node& n) {
    std::vector<Comparison> out;
    if (!n.is_scalar()) {
      error(n.mark, "'if' should be a condition like 'trust >= 1', not " + std::string(n.kind_name()),
            "wrong-type");
      return out;
    }
    const std::string& s = n.value;
    int offset = n.quoted ? 1 : 0;
    auto at = [&](std::size_t i) {
      return SourceMark{n.mark.line, n.mark.col + offset + static_cast<int>(i)};
    };
    auto bad = [&](std::size_t i, const std::string& what) {
      error(at(i),
            "malformed 'if' (" + what +
                "): write VAR OP NUMBER, joined by 'and', e.g. 'trust >= 1 and calm < 2'",
            "bad-condition");
      return std::vector<Comparison>{};
    };
    std::size_t i = 0;
    auto skip_space = [&] {
      while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    };
    while (true) {
      skip_space();
      std::size_t var_begin = i;
      while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_')) ++i;
      Comparison c;
      c.var = s.substr(var_begin, i - var_begin);
      c.at = at(var_begin);
      if (!is_identifier(c.var)) return bad(var_begin, "expected a variable name");
      skip_space();
      static constexpr std::array<std::pair<std::string_view, CompareOp>, 6> kOps = {{{"<=", CompareOp::le},
                                                                                      {">=", CompareOp::ge},
                                                                                      {"==", CompareOp::eq},
                                                                                      {"!=", CompareOp::ne},
                                                                                      {"<", CompareOp::lt},
                                                                                      {">", CompareOp::gt}}};
      auto op = std::find_if(kOps.begin(), kOps.end(), [&](const auto& o) {
        return std::string_view(s).substr(i).starts_with(o.first);
      });
      if (op == kOps.end()) return bad(i, "expected one of < <= == != >= >");
      c.op = op->second;
      i += op->first.size();
      skip_space();
      std::size_t number_begin = i;
      if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
      auto [end, ec] =
          std::from_chars(s.data() + number_begin + (s[number_begin] == '+' ? 1 : 0), s.data() + i, c.value);
      if (ec == std::errc::result_out_of_range) return bad(number_begin, "number out of range");
      if (ec != std::errc() || end != s.data() + i) return bad(number_begin, "expected a whole number");
      if (c.value > kMaxVarMagnitude || c.value < -kMaxVarMagnitude)
        return bad(number_begin, "number out of range");
      out.push_back(c);
      skip_space();
      if (i == s.size()) return out;
      if (std::string_view(s).substr(i).starts_with("and") && i + 3 < s.size() &&
          std::isspace(static_cast<unsigned char>(s[i + 3]))) {
        i += 3;
        continue;
      }
      return bad(i, "expected 'and' or the end");
    }
  }

  std::vector<VarChange> changes(const Node& n) {
    std::vector<VarChange> out;
    if (!n.is_map()) {
      error(n.mark, "'set' should be a mapping of variables to amounts, like { trust: 1 }", "wrong-type");
      return out;
    }
    for (const auto& [key, value] : n.entries) {
      if (!key->is_scalar()) {
        error(key->mark, "a variable in 'set' should be a name, not " + std::string(key->kind_name()),
              "wrong-type");
        continue;
      }
      if (auto delta = integer(*value, key->value)) out.push_back(VarChange{key->value, *delta, key->mark});
    }
    return out;
  }

  // Names used before every node was known: targets and variables.
  void resolve(Scenario& s) {
    std::vector<std::string> ids;
    for (const auto& node : s.nodes) ids.push_back(node.id);
    std::vector<std::string> vars;
    for (const auto& [name, value] : s.vars) vars.push_back(name);
    auto target = [&](const std::string& id, SourceMark at, const std::string& key) {
      if (s.node_index.contains(id)) return;
      error(at, key + " names no node '" + id + "'" + did_you_mean(closest_name(id, std::span(ids))),
            "unknown-target");
    };
    auto variable = [&](const std::string& name, SourceMark at) {
      if (s.vars.contains(name)) return;
      error(at,
            "variable '" + name + "' is not declared" + did_you_mean(closest_name(name, std::span(vars))) +
                "; declare it under 'vars' with a starting value",
            "unknown-variable");
    };
    if (!s.start.empty()) target(s.start, start_at_, "'start'");
    for (const auto& node : s.nodes) {
      for (const auto& rule : node.respond) {
        if (!rule.target.empty()) target(rule.target, rule.target_at, "'goto'");
        for (const auto& c : rule.conditions) variable(c.var, c.at);
        for (const auto& change : rule.set) variable(change.var, change.at);
      }
      if (node.otherwise) target(*node.otherwise, node.otherwise_at, "'otherwise'");
      for (const auto& choice : node.choices) {
        if (!choice.target.empty()) target(choice.target, choice.target_at, "'goto'");
      }
      if (s.mode == ScenarioMode::choices && !node.end && !node.is_choices()) {
        error(node.at, "node '" + node.id + "' has no 'choices', but the scenario's mode is 'choices'",
              "mode-mismatch");
      }
    }
  }

  const std::string& file_;
  Diagnostics& out_;
  SourceMark start_at_;
};

}  // namespace

ScenarioLoad load_scenario(std::string_view text, const std::string& file) {
  ScenarioLoad result;
  auto read = yaml::read_document(text, file);
  result.diagnostics = std::move(read.diagnostics);
  if (!read.document) return result;
  Scenario scenario;
  ScenarioReader(file, result.diagnostics).read(*read.document->root, scenario);
  if (!has_errors(result.diagnostics)) {
    detail::check_graph(scenario, file, result.diagnostics);
    detail::check_shadowed_rules(scenario, file, result.diagnostics);
  }
  if (!has_errors(result.diagnostics)) detail::check_with_coder(scenario, file, result.diagnostics);
  sort_by_position(result.diagnostics);
  if (has_errors(result.diagnostics)) return result;
  scenario.source_path = file;
  scenario.source_text = std::string(text);
  scenario.sha256 = sha256_hex(text);
  result.scenario = std::move(scenario);
  return result;
}

ScenarioFileLoad load_scenario_file(const std::string& path) {
  ScenarioFileLoad result;
  auto contents = read_file(path, yaml::Limits{}.max_bytes);
  if (!contents.text) {
    if (contents.too_large) {
      result.load.diagnostics.push_back(Diagnostic{path,
                                                   {1, 1},
                                                   Severity::error,
                                                   "file is over the limit of " +
                                                       std::to_string(yaml::Limits{}.max_bytes) +
                                                       " bytes; split it into smaller scenarios",
                                                   "file-too-large"});
    } else {
      result.io_error = contents.error;
    }
    return result;
  }
  result.load = load_scenario(*contents.text, path);
  return result;
}

}  // namespace attune::sim
