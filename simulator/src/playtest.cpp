#include "attune/simulator/playtest.h"

#include <algorithm>
#include <deque>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "attune/simulator/session.h"

namespace attune::sim {
namespace {

// One plain response per behaviour, each coded as that behaviour by the coder (a test keeps
// them honest), so a rule that names a code can be tried with it.
struct Probe {
  Code code;
  std::string_view text;
};
constexpr Probe kProbes[] = {
    {Code::open_question, "What has that been like for you?"},
    {Code::closed_question, "Did that happen this week?"},
    {Code::complex_reflection,
     "Part of you wants things to change, and part of you is scared of what that means."},
    {Code::summary,
     "Let me see if I have it: you have been carrying this for a while, you tried to handle it alone, and "
     "now you are wondering what comes next."},
    {Code::affirmation, "It took real courage to tell me that."},
    {Code::emphasize_autonomy, "It's your decision, and you know your life best."},
    {Code::seek_permission, "Would it be okay if I shared something that has helped other people?"},
    {Code::information, "A lot of people find the first few weeks are the hardest."},
    {Code::advice, "You should call them tomorrow and tell them how you feel."},
    {Code::self_disclosure, "When I was in early recovery I went through something like that too."},
    {Code::reassurance, "Don't worry, everything will be fine."},
    {Code::judgment, "That was a pretty selfish thing to do."},
    {Code::diagnosis, "Sounds like you have depression, honestly."},
    {Code::dual_relationship, "We should grab coffee sometime outside of this."},
    {Code::secrecy_promise, "I promise I won't tell anyone."},
    {Code::safety_check, "Are you thinking about killing yourself?"},
    {Code::referral, "You can call or text 988 any time, day or night."},
    {Code::filler, "Mm-hmm."},
};

// "I can't sleep and my boss keeps calling." -> "you can't sleep and your boss keeps calling":
// the client's words given back, which the coder reads as a simple reflection.
std::string mirror_line(const std::string& line) {
  static const std::map<std::string, std::string> swap = {
      {"i", "you"},      {"me", "you"},      {"my", "your"},     {"mine", "yours"}, {"myself", "yourself"},
      {"i'm", "you're"}, {"i've", "you've"}, {"i'll", "you'll"}, {"i'd", "you'd"},  {"am", "are"},
      {"was", "were"},   {"we", "you"},      {"our", "your"},    {"us", "you"}};
  std::string sentence = line;
  // Only the first sentence: a reflection gives back one thing.
  if (auto end = sentence.find_first_of(".?!"); end != std::string::npos) sentence.resize(end);
  std::istringstream words(sentence);
  std::string out;
  std::string word;
  while (words >> word) {
    std::string lower;
    for (char c : word) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    auto it = swap.find(lower);
    if (!out.empty()) out += ' ';
    out += it != swap.end() ? it->second : word;
  }
  return "So " + out + ".";
}

struct Attempt {
  TurnInput input;
  std::string label;  // what a trainer sees as the response that took a branch
};

std::vector<Attempt> attempts_for(const Node& node) {
  std::vector<Attempt> out;
  if (node.is_choices()) {
    for (std::size_t i = 0; i < node.choices.size(); ++i) {
      out.push_back({TurnInput::pick(static_cast<int>(i + 1)), "[choice " + std::to_string(i + 1) + "]"});
    }
    return out;
  }
  for (const auto& text : node.model_responses) out.push_back({TurnInput::reply(text), text});
  const std::string mirrored = mirror_line(node.client);
  out.push_back({TurnInput::reply(mirrored), mirrored});
  for (const Probe& p : kProbes) out.push_back({TurnInput::reply(std::string(p.text)), std::string(p.text)});
  out.push_back({TurnInput::silent(), "[silence]"});
  out.push_back({TurnInput::reply("I hear you.", 0), "[after 0s] I hear you."});
  return out;
}

// Variables matter to the engine only through the `if`s that compare them, so values beyond
// every constant they are compared with (plus one) count as one state: a counter that grows
// in a loop does not make the search endless.
class StateKeys {
 public:
  explicit StateKeys(const Scenario& scenario) {
    for (const auto& [name, value] : scenario.vars) bounds_[name] = {value - 1, value + 1};
    for (const Node& node : scenario.nodes) {
      for (const Rule& rule : node.respond) {
        for (const Comparison& c : rule.conditions) {
          auto& [lo, hi] = bounds_[c.var];
          lo = std::min(lo, c.value - 1);
          hi = std::max(hi, c.value + 1);
        }
      }
    }
  }
  std::string key(const Session& s) const {
    std::string key = s.current().id;
    for (const auto& [name, value] : s.vars()) {
      long long v = value;
      if (auto it = bounds_.find(name); it != bounds_.end())
        v = std::clamp(v, it->second.first, it->second.second);
      key += '\n' + name + '=' + std::to_string(v);
    }
    return key;
  }

 private:
  std::map<std::string, std::pair<long long, long long>> bounds_;
};

// The longest simple path (in nodes) from `from` to an end over the edges plays took.
std::vector<std::string> longest_path(const std::string& start,
                                      const std::map<std::string, std::set<std::string>>& edges,
                                      const Scenario& scenario) {
  std::vector<std::string> best;
  std::vector<std::string> path;
  std::set<std::string> on_path;
  std::size_t budget = 200000;  // enough for any real scenario; a cap, not a promise
  std::function<void(const std::string&)> walk = [&](const std::string& id) {
    if (budget == 0) return;
    --budget;
    path.push_back(id);
    on_path.insert(id);
    if (scenario.node(id).end && path.size() > best.size()) best = path;
    if (auto it = edges.find(id); it != edges.end()) {
      for (const auto& next : it->second) {
        if (!on_path.contains(next)) walk(next);
      }
    }
    on_path.erase(id);
    path.pop_back();
  };
  walk(start);
  return best;
}

std::string code_names(const std::vector<Code>& codes) {
  std::string out;
  for (Code c : codes) {
    if (!out.empty()) out += ", ";
    out += scoring::code_name(c);
  }
  return out;
}

}  // namespace

std::vector<PlaytestProbe> playtest_probes() {
  std::vector<PlaytestProbe> out;
  for (const Probe& p : kProbes) out.push_back({p.code, std::string(p.text)});
  return out;
}

std::string mirror_client_line(const std::string& line) {
  return mirror_line(line);
}

std::string Branch::describe() const {
  switch (kind) {
    case Kind::otherwise:
      return "otherwise -> " + target;
    case Kind::choice:
      return "choice " + std::to_string(index + 1) + " -> " + target;
    case Kind::rule:
      break;
  }
  return "rule " + std::to_string(index + 1) + " -> " + target;
}

std::size_t PlaytestReport::reached_branches() const {
  return static_cast<std::size_t>(
      std::count_if(branches.begin(), branches.end(), [](const Branch& b) { return b.reached; }));
}

PlaytestReport playtest(const Scenario& scenario, std::size_t max_states) {
  PlaytestReport report;
  report.scenario_id = scenario.id;
  for (const Node& node : scenario.nodes) {
    report.nodes.push_back(node.id);
    if (node.end) report.endings.push_back(node.id);
    for (std::size_t i = 0; i < node.respond.size(); ++i) {
      report.branches.push_back({node.id,
                                 Branch::Kind::rule,
                                 static_cast<int>(i),
                                 node.respond[i].at,
                                 node.respond[i].target,
                                 false,
                                 {}});
    }
    if (node.otherwise && !node.is_choices()) {
      report.branches.push_back(
          {node.id, Branch::Kind::otherwise, 0, node.otherwise_at, *node.otherwise, false, {}});
    }
    for (std::size_t i = 0; i < node.choices.size(); ++i) {
      report.branches.push_back({node.id,
                                 Branch::Kind::choice,
                                 static_cast<int>(i),
                                 node.choices[i].at,
                                 node.choices[i].target,
                                 false,
                                 {}});
    }
  }
  auto find_branch = [&](const std::string& node, Branch::Kind kind, int index) -> Branch* {
    for (Branch& b : report.branches) {
      if (b.node == node && b.kind == kind && b.index == index) return &b;
    }
    return nullptr;
  };

  std::set<std::string> reached{scenario.start};
  std::map<std::string, std::set<std::string>> edges;
  const StateKeys keys(scenario);
  std::set<std::string> seen;
  std::deque<Session> queue;
  queue.emplace_back(scenario, SessionMode::exam);
  seen.insert(keys.key(queue.front()));
  while (!queue.empty()) {
    if (report.plays_explored == max_states) {
      report.truncated = true;
      break;
    }
    Session state = std::move(queue.front());
    queue.pop_front();
    ++report.plays_explored;
    if (state.ended()) continue;
    const Node& node = state.current();
    for (const Attempt& attempt : attempts_for(node)) {
      Session next = state;
      auto result = next.submit(attempt.input);
      if (result.turn == nullptr) continue;
      const Turn& turn = *result.turn;
      Branch* b = node.is_choices() ? find_branch(node.id, Branch::Kind::choice, attempt.input.choice - 1)
                  : turn.rule       ? find_branch(node.id, Branch::Kind::rule, *turn.rule)
                                    : find_branch(node.id, Branch::Kind::otherwise, 0);
      if (b != nullptr && !b->reached) {
        b->reached = true;
        b->reached_by = attempt.label;
      }
      reached.insert(turn.next_node);
      edges[node.id].insert(turn.next_node);
      if (seen.insert(keys.key(next)).second) queue.push_back(std::move(next));
    }
  }
  for (const Node& node : scenario.nodes) {
    if (!reached.contains(node.id)) continue;
    report.reached_nodes.push_back(node.id);
    if (node.end) report.reached_endings.push_back(node.id);
  }
  report.longest_path = longest_path(scenario.start, edges, scenario);
  return report;
}

void check_reachable_by_playtest(const Scenario& scenario, const std::string& file, Diagnostics& out) {
  const PlaytestReport report = playtest(scenario);
  if (report.truncated) return;  // an incomplete search proves nothing unreachable
  for (const Branch& b : report.branches) {
    if (b.reached || b.kind == Branch::Kind::otherwise) continue;
    // A node nobody reaches is reported once, for the node, below.
    if (std::find(report.reached_nodes.begin(), report.reached_nodes.end(), b.node) ==
        report.reached_nodes.end())
      continue;
    std::string what = b.kind == Branch::Kind::choice ? "this choice" : "this rule";
    std::string tried =
        "the node's model responses, a reflection of the client's line, a plain response for "
        "each code, a silence and an instant reply";
    if (b.kind == Branch::Kind::rule) {
      const Rule& rule = scenario.node(b.node).respond[static_cast<std::size_t>(b.index)];
      if (!rule.when.empty()) tried += " (including " + code_names(rule.when) + ")";
    }
    out.push_back(Diagnostic{file, b.at, Severity::warning,
                             "no playtest response reaches " + what + " of node '" + b.node + "' (tried " +
                                 tried + "); an earlier rule or an `if` takes them first",
                             "untestable-rule"});
  }
  for (const std::string& id : report.nodes) {
    if (std::find(report.reached_nodes.begin(), report.reached_nodes.end(), id) != report.reached_nodes.end())
      continue;
    out.push_back(Diagnostic{
        file, scenario.node(id).at, Severity::warning,
        "no playtest reaches node '" + id + "': the rules that lead here never fire for any response tried",
        "untestable-node"});
  }
}

}  // namespace attune::sim
