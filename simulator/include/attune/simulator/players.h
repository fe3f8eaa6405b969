// The headless front-ends: a scripted trainee from a responses file, and a person at a terminal.
#pragma once

#include <chrono>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "attune/simulator/recorder.h"
#include "attune/simulator/responses_file.h"
#include "attune/simulator/session.h"

namespace attune::sim {

struct ScriptedPlay {
  std::string misfit;    // "FILE:LINE: message" when the file does not fit the session
  std::string io_error;  // the journal could not be written
};

// Why a scripted line cannot be played now ("FILE:LINE: message"), or nullopt when it fits: a
// line after the end, a line that is not a turn, or a turn that does not fit the node.
std::optional<std::string> scripted_misfit(const Session& session, const ScriptedLine& line,
                                           const std::string& file);
// The message for a file that ends before the session does.
std::string scripted_ending_misfit(const Session& session, const std::string& file, int last_line);

// Plays every line that fits, journaling each turn; stops at the first that does not. With
// `realtime` it waits each turn's latency or silence first and reports each saved turn on stderr
// ("turn N saved"), so a test can kill it mid-session and know what was acknowledged.
ScriptedPlay play_scripted(Session& session, SessionRecorder& recorder,
                           const std::vector<ScriptedLine>& lines, const std::string& file, int last_line,
                           bool realtime = false);

// A line typed at the terminal, with the quiet before its first keystroke.
struct TypedLine {
  std::string text;
  int quiet_ms = 0;
};

class LineSource {
 public:
  virtual ~LineSource() = default;
  // Shows `prompt` and reads a line; nullopt at end of input.
  virtual std::optional<TypedLine> read(const std::string& prompt) = 0;
};

// Reads whole lines from a stream; the quiet is measured to the moment the line arrives.
std::unique_ptr<LineSource> stream_lines(std::istream& in, std::ostream& out);
// Reads from a terminal in raw mode so the quiet ends at the first keystroke; nullptr if stdin is no TTY.
std::unique_ptr<LineSource> terminal_lines(std::ostream& out);

struct TerminalOptions {
  bool plain = false;  // no decoration beyond plain lines (screen readers, pipes)
};

struct TerminalPlay {
  bool keep = true;  // false: a practice session the trainee chose to discard
  std::optional<std::map<std::string, int>> self_rating;
  std::string io_error;
};

TerminalPlay play_terminal(Session& session, SessionRecorder& recorder, LineSource& lines, std::ostream& out,
                           const TerminalOptions& options);

}  // namespace attune::sim
