#include "attune/simulator/players.h"

namespace attune::sim {

ScriptedPlay play_scripted(Session& session, SessionRecorder& recorder,
                           const std::vector<ScriptedLine>& lines, const std::string& file, int last_line) {
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
    auto result = session.submit(line.input);
    if (result.turn == nullptr) return misfit(line.line, result.error);
    if (auto error = recorder.turn_played(*result.turn)) {
      play.io_error = *error;
      return play;
    }
  }
  if (!session.ended()) {
    return misfit(std::max(last_line, 1), "the file ends before the session does: node '" +
                                              session.current().id + "' still waits for a turn");
  }
  return play;
}

}  // namespace attune::sim
