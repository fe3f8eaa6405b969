#include <chrono>
#include <iostream>
#include <thread>

#include "attune/simulator/players.h"

namespace attune::sim {
namespace {

// How long the scripted trainee is quiet before this turn.
int quiet_before(const TurnInput& input, const Node& node) {
  if (input.kind == TurnKind::silence) return input.silence_ms.value_or(node.space_ms);
  return input.latency_ms.value_or(node.space_ms);
}

}  // namespace

std::optional<std::string> scripted_misfit(const Session& session, const ScriptedLine& line,
                                           const std::string& file) {
  auto at = [&](const std::string& message) {
    return file + ":" + std::to_string(line.line) + ": " + message;
  };
  if (session.ended()) {
    return at("line left over: the session already ended at node '" + session.current().id +
              "'; remove this line and the ones after it");
  }
  if (!line.error.empty()) return at(line.error);
  if (auto problem = session.misfit(line.input)) return at(*problem);
  return std::nullopt;
}

std::string scripted_ending_misfit(const Session& session, const std::string& file, int last_line) {
  return file + ":" + std::to_string(std::max(last_line, 1)) +
         ": the file ends before the session does: node '" + session.current().id +
         "' still waits for a turn";
}

ScriptedPlay play_scripted(Session& session, SessionRecorder& recorder,
                           const std::vector<ScriptedLine>& lines, const std::string& file, int last_line,
                           bool realtime) {
  ScriptedPlay play;
  for (const ScriptedLine& line : lines) {
    if (auto misfit = scripted_misfit(session, line, file)) {
      play.misfit = *misfit;
      return play;
    }
    if (realtime)
      std::this_thread::sleep_for(std::chrono::milliseconds(quiet_before(line.input, session.current())));
    auto result = session.submit(line.input);
    if (auto error = recorder.turn_played(*result.turn)) {
      play.io_error = *error;
      return play;
    }
    if (realtime) std::cerr << "turn " << result.turn->index << " saved" << std::endl;
  }
  if (!session.ended()) play.misfit = scripted_ending_misfit(session, file, last_line);
  return play;
}

}  // namespace attune::sim
