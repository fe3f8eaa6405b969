// The session engine: one trainee turn at a time, coded, routed and recorded. No I/O and no
// front-end: the terminal, the scripted player, the window and the tests all drive this.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "attune/scoring/codes.h"
#include "attune/simulator/scenario.h"

namespace attune::sim {

enum class TurnKind { reply, choice, silence };
enum class SessionMode { practice, exam };

std::string_view turn_kind_name(TurnKind kind);
std::string_view session_mode_name(SessionMode mode);

struct TurnInput {
  TurnKind kind = TurnKind::reply;
  std::string text;               // reply
  int choice = 0;                 // 1-based option number
  std::optional<int> latency_ms;  // reply or choice: quiet before it; nullopt = exactly the node's space
  std::optional<int> silence_ms;  // silent pass: its length; nullopt = the node's space

  static TurnInput reply(std::string text, std::optional<int> latency_ms = std::nullopt);
  static TurnInput pick(int choice, std::optional<int> latency_ms = std::nullopt);
  static TurnInput silent(std::optional<int> silence_ms = std::nullopt);
};

struct Turn {
  int index = 0;
  std::string node;
  std::string client;
  bool risk = false;
  TurnKind kind = TurnKind::reply;
  std::optional<std::string> response;
  std::optional<int> choice;
  int space_ms = 0;
  std::optional<int> latency_ms;
  std::optional<int> silence_ms;
  std::vector<scoring::CodeEvidence> codes;
  std::optional<std::vector<scoring::CodeEvidence>> coder_codes;  // choice turns with authored codes
  std::optional<std::string> said;
  std::optional<std::string> feedback;
  std::string next_node;  // where the session went (not in the record: the next turn's node says it)
  std::optional<int>
      rule;  // the `respond` rule that fired, 0-based; none for `otherwise` and choices (not recorded)
};

class Session {
 public:
  Session(const Scenario& scenario, SessionMode mode);

  const Scenario& scenario() const { return *scenario_; }
  SessionMode mode() const { return mode_; }
  const Node& current() const { return *current_; }
  bool ended() const { return current_->end; }
  std::optional<Outcome> outcome() const;
  const std::vector<Turn>& turns() const { return turns_; }
  const std::map<std::string, long long>& vars() const { return vars_; }

  // Why `input` does not fit the current node (a choice at a free node, a number out of range,
  // a reply at a choices node, a turn after the end), or nullopt when it fits.
  std::optional<std::string> misfit(const TurnInput& input) const;

  // Codes the response, applies the first matching rule (or the choice), moves on. Returns the
  // turn just played, or the misfit message with nothing changed.
  struct Result {
    const Turn* turn = nullptr;
    std::string error;
  };
  Result submit(const TurnInput& input);

 private:
  const Scenario* scenario_;
  SessionMode mode_;
  const Node* current_;
  std::map<std::string, long long> vars_;
  std::vector<Turn> turns_;
};

}  // namespace attune::sim
