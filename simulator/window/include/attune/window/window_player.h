// The practice window: a front-end over the session engine and recorder, like the terminal
// player, drawn with SFML. `attune play` opens it when a display exists.
#pragma once

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "attune/simulator/journal.h"
#include "attune/simulator/recorder.h"
#include "attune/simulator/responses_file.h"
#include "attune/simulator/session.h"

namespace attune::window {

// True when an X display can be opened. SFML aborts the process when it cannot open a window,
// so this is asked before any window exists; the connection it opens is kept (see display.cpp).
bool display_available();

struct WindowOptions {
  std::string runtime_home;   // fonts, avatars and crisis resources
  std::string settings_path;  // remembered text scale (window.json)
  // A scripted trainee: its lines are typed through the same event handler as real keys.
  const std::vector<sim::ScriptedLine>* script = nullptr;
  std::string script_file;
  int script_last_line = 0;
  // The scripted trainee keeps real time (waits its latencies and silences on the real clock)
  // and reports on stderr "turn N sent" at Enter and "turn N saved" once the turn is journaled
  // and the client goes on: the kill tests' marks.
  bool realtime = false;
  std::optional<std::string> screenshot;  // OUT.png (conversation) and OUT-debrief.png
  bool frame_stats = false;               // print frame-time percentiles at the end
  // The frame-time benchmark: from this script line on, type one key a frame and scroll every
  // frame; the frame statistics start there (the lines before build the conversation up).
  std::optional<std::size_t> bench_from_line;
  // A window event script (event_script.h): keys, clicks and waits for tests of the menus and
  // dialogs, on a virtual clock. Empty: $ATTUNE_WINDOW_EVENTS names one, if set.
  std::string events_file;
};

struct SavedSession {
  std::string path;
  nlohmann::json record;
};

struct WindowPlay {
  std::vector<SavedSession> saved;  // every record written, in order (restarts and retries too)
  bool discarded = false;           // the last session was not kept
  std::string misfit;               // scripted: "FILE:LINE: message"
  std::string io_error;             // a journal write failed
  std::string save_error;           // a record could not be written (its journal is kept)
  std::string unsaved_session;      // the id whose record could not be written
  std::string frame_stats;          // the report of --frame-stats
};

class WindowPlayer {
 public:
  // Opens the window titled for the scenario; nullptr and `error` when it cannot (no font).
  static std::unique_ptr<WindowPlayer> open(const sim::Scenario& scenario, const WindowOptions& options,
                                            std::string& error);
  ~WindowPlayer();
  WindowPlayer(const WindowPlayer&) = delete;
  WindowPlayer& operator=(const WindowPlayer&) = delete;

  // Notices from opening that do not stop the window (an avatar that cannot be shown), one line
  // each, for the front-end to print.
  const std::vector<std::string>& notices() const;

  // Offers to continue one of these unfinished sessions of the scenario; the index chosen, or
  // nullopt for a new session.
  std::optional<std::size_t> offer_resume(const std::vector<sim::UnfinishedSession>& sessions);

  // Plays `session` (begun or resumed by `recorder`) to its end, then the self-rating and the
  // debrief. Restarts and retries get their recorders from `new_recorder`.
  using RecorderFactory = std::function<std::unique_ptr<sim::SessionRecorder>()>;
  WindowPlay play(std::unique_ptr<sim::Session> session, std::unique_ptr<sim::SessionRecorder> recorder,
                  const RecorderFactory& new_recorder);

  struct Impl;

 private:
  explicit WindowPlayer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace attune::window
