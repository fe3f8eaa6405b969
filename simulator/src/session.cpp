#include "attune/simulator/session.h"

#include <algorithm>

#include "attune/scoring/coder.h"
#include "attune/scoring/utf8.h"
#include "attune/simulator/feedback.h"

namespace attune::sim {
namespace {

using scoring::CodeEvidence;

bool rule_matches(const Rule& rule, const std::vector<CodeEvidence>& codes,
                  const std::map<std::string, long long>& vars) {
  if (!rule.when.empty()) {
    bool any =
        std::any_of(rule.when.begin(), rule.when.end(), [&](Code c) { return scoring::has_code(codes, c); });
    if (!any) return false;
  }
  return std::all_of(rule.conditions.begin(), rule.conditions.end(), [&](const Comparison& c) {
    auto it = vars.find(c.var);
    return c.holds(it == vars.end() ? 0 : it->second);
  });
}

void add_timing(Turn& turn) {
  if (turn.latency_ms && *turn.latency_ms < turn.space_ms) {
    turn.codes.push_back(CodeEvidence{Code::interruption, std::nullopt, "timing.before_space", 1.0});
  }
}

}  // namespace

std::string_view turn_kind_name(TurnKind kind) {
  switch (kind) {
    case TurnKind::reply:
      return "reply";
    case TurnKind::choice:
      return "choice";
    case TurnKind::silence:
      return "silence";
  }
  return "reply";
}

std::string_view session_mode_name(SessionMode mode) {
  return mode == SessionMode::exam ? "exam" : "practice";
}

TurnInput TurnInput::reply(std::string text, std::optional<int> latency_ms) {
  TurnInput input;
  input.kind = TurnKind::reply;
  input.text = std::move(text);
  input.latency_ms = latency_ms;
  return input;
}

TurnInput TurnInput::pick(int choice, std::optional<int> latency_ms) {
  TurnInput input;
  input.kind = TurnKind::choice;
  input.choice = choice;
  input.latency_ms = latency_ms;
  return input;
}

TurnInput TurnInput::silent(std::optional<int> silence_ms) {
  TurnInput input;
  input.kind = TurnKind::silence;
  input.silence_ms = silence_ms;
  return input;
}

Session::Session(const Scenario& scenario, SessionMode mode)
    : scenario_(&scenario), mode_(mode), current_(&scenario.node(scenario.start)), vars_(scenario.vars) {}

std::optional<Outcome> Session::outcome() const {
  return ended() ? current_->outcome : std::nullopt;
}

std::optional<std::string> Session::misfit(const TurnInput& input) const {
  const Node& node = *current_;
  if (node.end) return "the session has already ended at node '" + node.id + "'";
  if (node.is_choices()) {
    if (input.kind != TurnKind::choice) {
      return "node '" + node.id + "' offers choices; answer with [choice N] (1 to " +
             std::to_string(node.choices.size()) + ")";
    }
    if (input.choice < 1 || input.choice > static_cast<int>(node.choices.size())) {
      return "choice " + std::to_string(input.choice) + " is out of range: node '" + node.id +
             "' offers 1 to " + std::to_string(node.choices.size());
    }
    return std::nullopt;
  }
  if (input.kind == TurnKind::choice) {
    return "node '" + node.id + "' takes a typed reply or a silence, not a choice";
  }
  return std::nullopt;
}

Session::Result Session::submit(const TurnInput& input) {
  if (auto problem = misfit(input)) return Result{nullptr, *problem};
  const Node& node = *current_;
  Turn turn;
  turn.index = static_cast<int>(turns_.size());
  turn.node = node.id;
  turn.client = node.client;
  turn.risk = node.risk;
  turn.kind = input.kind;
  turn.space_ms = node.space_ms;
  std::vector<std::string> context{node.client};
  std::string target;

  switch (input.kind) {
    case TurnKind::silence:
      turn.silence_ms = input.silence_ms.value_or(node.space_ms);
      turn.codes.push_back(CodeEvidence{Code::silence, std::nullopt, "timing.silent_pass", 1.0});
      break;
    case TurnKind::reply:
      // Records are JSON, which must be valid UTF-8: a stray byte becomes U+FFFD, not a lost turn.
      turn.response = to_valid_utf8(input.text);
      turn.latency_ms = input.latency_ms.value_or(node.space_ms);
      turn.codes = scoring::code_utterance(*turn.response, context).codes;
      add_timing(turn);
      break;
    case TurnKind::choice: {
      const Choice& choice = node.choices[static_cast<std::size_t>(input.choice - 1)];
      turn.response = choice.text;
      turn.choice = input.choice;
      turn.latency_ms = input.latency_ms.value_or(node.space_ms);
      auto coded = scoring::code_utterance(choice.text, context).codes;
      if (choice.codes) {
        for (Code c : *choice.codes) turn.codes.push_back(CodeEvidence{c, std::nullopt, "authored", 1.0});
        turn.coder_codes = std::move(coded);
      } else {
        turn.codes = std::move(coded);
      }
      add_timing(turn);
      target = choice.target;
      break;
    }
  }

  if (input.kind != TurnKind::choice) {
    const Rule* fired = nullptr;
    for (const Rule& rule : node.respond) {
      if (rule_matches(rule, turn.codes, vars_)) {
        fired = &rule;
        turn.rule = static_cast<int>(&rule - node.respond.data());
        break;
      }
    }
    if (fired != nullptr) {
      for (const auto& change : fired->set) vars_[change.var] += change.delta;
      turn.said = fired->say;
      target = fired->target;
    } else {
      target = node.otherwise.value_or(node.id);
    }
  }
  turn.feedback = coach_note(turn, turns_.empty() ? nullptr : &turns_.back(), node);
  turn.next_node = target;
  current_ = &scenario_->node(target);
  turns_.push_back(std::move(turn));
  return Result{&turns_.back(), {}};
}

}  // namespace attune::sim
