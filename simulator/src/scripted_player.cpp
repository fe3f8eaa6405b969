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

ScriptedPlay play_scripted(Session& session, SessionRecorder& recorder,
                           const std::vector<ScriptedLine>& lines, const std::string& file, int last_line,
                           bool realtime) {
  ScriptedPlay play;
  auto misfit = [&](int line, const std::string& message) {
    play.misfit = file + ":" + std::to_string(line) + ": " + message;
    return play;
  };
  for (const ScriptedLine& line : lines) {
    if (session.ended()) {
      return misfit(line.line, "line left over: the session already ended at node '" + session.current().id +
                                   "'; remove this line and the ones after it");
    }
    if (!line.error.empty()) return misfit(line.line, line.error);
    if (auto problem = session.misfit(line.input)) return misfit(line.line, *problem);
    if (realtime)
      std::this_thread::sleep_for(std::chrono::milliseconds(quiet_before(line.input, session.current())));
    auto result = session.submit(line.input);
    if (auto error = recorder.turn_played(*result.turn)) {
      play.io_error = *error;
      return play;
    }
    if (realtime) std::cerr << "turn " << result.turn->index << " saved" << std::endl;
  }
  if (!session.ended()) {
    return misfit(std::max(last_line, 1), "the file ends before the session does: node '" +
                                              session.current().id + "' still waits for a turn");
  }
  return play;
}

}  // namespace attune::sim
