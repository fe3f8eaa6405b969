#include "scenario_checks.h"

#include <algorithm>
#include <deque>
#include <set>

#include "attune/scoring/coder.h"

namespace attune::sim::detail {
namespace {

std::vector<std::string> targets_of(const Node& node) {
  std::vector<std::string> out;
  for (const auto& rule : node.respond) out.push_back(rule.target);
  if (node.otherwise) out.push_back(*node.otherwise);
  for (const auto& choice : node.choices) out.push_back(choice.target);
  return out;
}

std::string code_list(const std::vector<scoring::CodeEvidence>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : ", ") + std::string(scoring::code_name(c.code));
  return out.empty() ? "no code" : out;
}

std::string code_list(const std::vector<Code>& codes) {
  std::string out;
  for (Code c : codes) out += (out.empty() ? "" : ", ") + std::string(scoring::code_name(c));
  return out;
}

// Codes that cost a trainee points: the coder finding one the author did not expect matters.
bool costs_points(Code code) {
  return code == Code::advice || code == Code::judgment || code == Code::reassurance ||
         scoring::is_boundary_crossing(code);
}

}  // namespace

void check_graph(const Scenario& s, const std::string& file, Diagnostics& out) {
  const Node* start = s.find(s.start);
  if (start == nullptr) return;
  std::vector<bool> reached(s.nodes.size());
  std::deque<std::size_t> queue{s.node_index.at(s.start)};
  reached[queue.front()] = true;
  while (!queue.empty()) {
    std::size_t i = queue.front();
    queue.pop_front();
    for (const auto& target : targets_of(s.nodes[i])) {
      auto it = s.node_index.find(target);
      if (it != s.node_index.end() && !reached[it->second]) {
        reached[it->second] = true;
        queue.push_back(it->second);
      }
    }
  }
  // Which nodes can still end: walk the edges backwards from every end node.
  std::vector<std::vector<std::size_t>> incoming(s.nodes.size());
  for (std::size_t i = 0; i < s.nodes.size(); ++i) {
    for (const auto& target : targets_of(s.nodes[i])) {
      auto it = s.node_index.find(target);
      if (it != s.node_index.end()) incoming[it->second].push_back(i);
    }
  }
  std::vector<bool> can_end(s.nodes.size());
  for (std::size_t i = 0; i < s.nodes.size(); ++i) {
    if (s.nodes[i].end) {
      can_end[i] = true;
      queue.push_back(i);
    }
  }
  while (!queue.empty()) {
    std::size_t i = queue.front();
    queue.pop_front();
    for (std::size_t from : incoming[i]) {
      if (!can_end[from]) {
        can_end[from] = true;
        queue.push_back(from);
      }
    }
  }
  for (std::size_t i = 0; i < s.nodes.size(); ++i) {
    const Node& node = s.nodes[i];
    if (!reached[i]) {
      out.push_back(Diagnostic{file, node.at, Severity::error,
                               "node '" + node.id + "' is unreachable: no path from start '" + s.start +
                                   "' leads to it; link to it with a goto or remove it",
                               "unreachable-node"});
    } else if (!can_end[i]) {
      out.push_back(Diagnostic{
          file, node.at, Severity::error,
          "from node '" + node.id +
              "' no end node can be reached: every path loops; give it a way to an 'end: true' node",
          "no-ending"});
    }
  }
}

void check_shadowed_rules(const Scenario& s, const std::string& file, Diagnostics& out) {
  for (const auto& node : s.nodes) {
    for (std::size_t j = 0; j < node.respond.size(); ++j) {
      const Rule& later = node.respond[j];
      std::set<std::string> later_conditions;
      for (const auto& c : later.conditions) later_conditions.insert(c.text());
      std::set<Code> still_open(later.when.begin(), later.when.end());
      for (std::size_t i = 0; i < j; ++i) {
        const Rule& earlier = node.respond[i];
        // The earlier rule's `if` holds whenever the later one's does only if its comparisons are a subset.
        bool weaker_if =
            std::all_of(earlier.conditions.begin(), earlier.conditions.end(),
                        [&](const Comparison& c) { return later_conditions.contains(c.text()); });
        if (!weaker_if) continue;
        std::string which = "rule " + std::to_string(i + 1) + " of node '" + node.id + "'";
        if (earlier.when.empty()) {
          out.push_back(Diagnostic{file, later.at, Severity::error,
                                   "this rule never fires: " + which +
                                       " above matches every response it would; reorder or remove it",
                                   "shadowed-rule"});
          break;
        }
        bool covered = !later.when.empty() && std::all_of(later.when.begin(), later.when.end(), [&](Code c) {
          return std::find(earlier.when.begin(), earlier.when.end(), c) != earlier.when.end();
        });
        if (covered) {
          out.push_back(Diagnostic{file, later.at, Severity::error,
                                   "this rule never fires: " + which + " above already matches " +
                                       code_list(later.when) + "; reorder or remove it",
                                   "shadowed-rule"});
          break;
        }
        for (Code c : earlier.when) still_open.erase(c);
        if (!later.when.empty() && still_open.empty()) {
          out.push_back(Diagnostic{file, later.at, Severity::error,
                                   "this rule never fires: the rules above it in node '" + node.id +
                                       "' already match all of " + code_list(later.when) +
                                       "; reorder or remove it",
                                   "shadowed-rule"});
          break;
        }
      }
    }
  }
}

void check_with_coder(const Scenario& s, const std::string& file, Diagnostics& out) {
  for (const auto& node : s.nodes) {
    std::vector<std::string> context{node.client};
    for (std::size_t i = 0; i < node.model_responses.size(); ++i) {
      auto coding = scoring::code_utterance(node.model_responses[i], context);
      for (const auto& c : coding.codes) {
        if (!costs_points(c.code)) continue;
        std::string words =
            c.span
                ? " ('" + node.model_responses[i].substr(c.span->first, c.span->second - c.span->first) + "')"
                : "";
        out.push_back(Diagnostic{file, node.model_response_at[i], Severity::warning,
                                 "the coder reads this model response as " +
                                     std::string(scoring::code_name(c.code)) + words + " [" + c.rule +
                                     "]; a model response should show the skill, so reword it",
                                 "model-response-codes"});
        break;
      }
    }
    for (const auto& choice : node.choices) {
      if (!choice.codes) continue;
      auto coding = scoring::code_utterance(choice.text, context);
      const auto& authored = *choice.codes;
      auto authored_has = [&](Code c) {
        return std::find(authored.begin(), authored.end(), c) != authored.end();
      };
      bool shares = std::any_of(coding.codes.begin(), coding.codes.end(),
                                [&](const scoring::CodeEvidence& c) { return authored_has(c.code); });
      bool unexpected_cost = std::any_of(
          coding.codes.begin(), coding.codes.end(),
          [&](const scoring::CodeEvidence& c) { return costs_points(c.code) && !authored_has(c.code); });
      if ((!shares && !authored.empty()) || unexpected_cost) {
        out.push_back(Diagnostic{
            file, choice.at, Severity::warning,
            "the coder reads this choice as " + code_list(coding.codes) + ", but its authored codes say " +
                (authored.empty() ? "none" : code_list(authored)) + "; check the text or the codes",
            "choice-codes-disagree"});
      }
    }
  }
  if (s.has_risk() && s.content_note.empty()) {
    for (const auto& node : s.nodes) {
      if (node.risk) {
        out.push_back(
            Diagnostic{file,
                       {1, 1},
                       Severity::warning,
                       "node '" + node.id +
                           "' has risk: true but the scenario has no 'content_note' to show before play",
                       "missing-content-note"});
        break;
      }
    }
  }
}

}  // namespace attune::sim::detail
