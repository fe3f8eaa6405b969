#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "attune/simulator/debrief.h"
#include "attune/simulator/file_io.h"
#include "attune/simulator/journal.h"
#include "attune/simulator/pg_records.h"
#include "attune/simulator/players.h"
#include "attune/simulator/progress.h"
#include "attune/simulator/recorder.h"
#include "attune/simulator/records_store.h"
#include "attune/simulator/responses_file.h"
#include "attune/simulator/runtime_paths.h"
#include "attune/simulator/scenario_loader.h"
#include "attune/simulator/sha256.h"
#include "commands.h"
#include "records_context.h"
#include "scenario_paths.h"

#ifdef ATTUNE_HAS_WINDOW
#include "attune/window/window_player.h"
#endif

namespace attune::cli {
namespace {

constexpr std::size_t kMaxResponsesBytes = std::size_t{4} << 20;

std::string default_trainee() {
  for (const char* name : {"ATTUNE_TRAINEE", "USER", "LOGNAME"}) {
    const char* value = std::getenv(name);
    if (value != nullptr && sim::is_valid_trainee_id(value)) return value;
  }
  return "trainee";
}

// The scenario to play: a file or a shipped id, loaded and checked (errors are printed).
std::optional<sim::Scenario> load_playable(const std::string& argument, int& status) {
  return load_scenario_argument(argument, "play", "and play again", status);
}

int list_unfinished(const PlayOptions& options) {
  sim::RecordsStore store(sim::local_records_dir(options.records));
  auto sessions = sim::list_unfinished(store);
  if (sessions.empty()) std::cout << "No unfinished sessions in " << store.root() << "\n";
  for (const auto& s : sessions) {
    std::cout << s.id << "  trainee " << s.trainee << "  scenario " << s.scenario_id << "  started "
              << s.started << "  " << s.turns << (s.turns == 1 ? " turn" : " turns");
    if (!s.damage.empty()) std::cout << "  (" << s.damage << ")";
    std::cout << "\n";
  }
  return kDone;
}

// Which journal `--resume [SESSION]` means: the one named, or the only one there is.
std::optional<std::string> pick_unfinished(const sim::RecordsStore& store, const std::string& named) {
  if (!named.empty()) return named;
  auto sessions = sim::list_unfinished(store);
  if (sessions.size() == 1) return sessions.front().id;
  std::cerr << "attune play: "
            << (sessions.empty() ? "no unfinished sessions" : "several unfinished sessions") << " in "
            << store.root() << "; name one (attune play --list-unfinished)\n";
  return std::nullopt;
}

// Continues the unfinished session `id` from its journal, on the scenario copy it was played on.
// kDone, or the exit status (the reason is printed).
int resume_session(const sim::RecordsStore& store, const std::string& id, sim::SessionRecorder& recorder,
                   std::optional<sim::Scenario>& scenario, std::unique_ptr<sim::Session>& session) {
  auto journal = sim::read_journal(store.journal_path(id));
  if (!journal.contents) {
    std::cerr << "attune play: cannot resume " << id << ": " << journal.error << "\n";
    return kUsageOrIo;
  }
  const auto& header = journal.contents->header;
  std::string sha = header.contains("scenario") ? header["scenario"].value("sha256", "") : "";
  int status = kDone;
  scenario = load_playable(store.root() + "/scenarios/" + sha + ".yaml", status);
  if (!scenario) return status == kDone ? kUsageOrIo : status;
  session = std::make_unique<sim::Session>(
      *scenario, header.value("mode", "") == "exam" ? sim::SessionMode::exam : sim::SessionMode::practice);
  if (auto error = sim::replay_journal(*session, *journal.contents)) {
    std::cerr << "attune play: cannot resume " << id << ": " << *error << "\n";
    return kBadContent;
  }
  if (!journal.contents->damage.empty()) {
    std::cerr << "attune play: the journal of " << id << " was damaged: " << journal.contents->damage << "\n";
  }
  if (auto error = recorder.resume(*session, *journal.contents)) {
    std::cerr << "attune play: cannot resume " << id << ": " << *error << "\n";
    return kUsageOrIo;
  }
  std::cerr << "Resuming session " << id << " after " << session->turns().size() << " turns.\n";
  return kDone;
}

void print_saved(const nlohmann::json& record, const sim::Scenario* scenario, const std::string& home,
                 bool json) {
  if (json) {
    std::cout << record.dump(2) << "\n";
  } else {
    std::cout << "\n" << sim::render_debrief(record, scenario, sim::load_crisis_resources(home));
  }
}

// The trainee's progress file follows every kept session; failing to update it never loses one.
void refresh_progress(const sim::RecorderSetup& setup) {
  auto rebuilt = sim::rebuild_progress(setup.records_dir, setup.trainee, *setup.rubric, setup.key);
  for (const auto& p : rebuilt.skipped)
    std::cerr << "attune play: skipped " << p.path << ": " << p.message << "\n";
  if (rebuilt.error) std::cerr << "attune play: cannot update the progress file: " << *rebuilt.error << "\n";
}

// ` --records X` to repeat in a hint, a database URL without its password; "" without the flag.
std::string records_flag(const PlayOptions& options) {
  if (!options.records) return {};
  return " --records " + (sim::is_postgresql_url(*options.records) ? sim::pg::redact_url(*options.records)
                                                                   : *options.records);
}

// With the records in a PostgreSQL database, the record just kept on this machine goes up now.
// When the database cannot take it, the local copy stays where it is until `attune sync`.
void upload_record(const std::string& url, const sim::RecorderSetup& setup, const std::string& local_path,
                   const nlohmann::json& record) {
  std::string location = sim::pg::redact_url(url);
  auto fallback = [&](const std::string& why) {
    std::cerr << "attune play: could not upload the session to " << location << ": " << why
              << "\nThe record is kept on this machine in " << local_path
              << "; upload it later with\n  attune sync --from " << setup.records_dir << " --to " << location
              << "\n";
  };
  auto text = sim::read_file(local_path, std::size_t{32} << 20);
  std::string sha = record["scenario"].value("sha256", "");
  auto yaml = sim::read_file(setup.records_dir + "/scenarios/" + sha + ".yaml", std::size_t{32} << 20);
  if (!text.text || !yaml.text)
    return fallback("cannot read back " + (text.text ? "its scenario copy" : local_path));
  auto opened = sim::pg::open_postgresql_records(url);
  if (!opened.backend) return fallback(opened.error);
  auto put = opened.backend->put_session(record, *text.text, *yaml.text);
  if (!put.error.empty()) return fallback(put.error);
  if (put.status == sim::PutStatus::conflict)
    return fallback("the database holds a different session with the id " + record.value("id", ""));
  std::cerr << "Session record uploaded to " << location << "\n";
  auto rebuilt = opened.backend->rebuild_progress(setup.trainee, *setup.rubric, setup.key);
  for (const auto& p : rebuilt.skipped)
    std::cerr << "attune play: skipped " << p.path << ": " << p.message << "\n";
  if (rebuilt.error)
    std::cerr << "attune play: cannot update the progress in the database: " << *rebuilt.error << "\n";
}

// Whether this play happens in the window: asked for (not --text; --responses only with
// --screenshot), built in, and a display to open it on. Prints why not when it falls back.
bool use_window(const PlayOptions& options, int& status) {
  bool wanted = !options.text && (!options.responses || options.screenshot);
#ifdef ATTUNE_HAS_WINDOW
  if (!wanted) return false;
  if (window::display_available()) return true;
  if (options.screenshot) {
    std::cerr << "attune play: --screenshot needs a display (run it under xvfb-run)\n";
    status = kUsageOrIo;
    return false;
  }
  std::cerr << "attune play: no display to open the window on (DISPLAY unset or unreachable); playing in the "
               "terminal.\n";
#else
  if (options.screenshot) {
    std::cerr << "attune play: --screenshot needs the window, and this attune was built without it "
                 "(ATTUNE_WINDOW=OFF)\n";
    status = kUsageOrIo;
  }
  (void)wanted;
#endif
  return false;
}

}  // namespace

int run_play(const PlayOptions& options) {
  if (options.list_unfinished) return list_unfinished(options);
  if (!options.resume && options.scenario.empty()) {
    std::cerr << "attune play: name a SCENARIO (or --resume an unfinished session)\n";
    return kUsageOrIo;
  }
  std::string trainee = options.trainee.value_or(default_trainee());
  if (!sim::is_valid_trainee_id(trainee)) {
    std::cerr << "attune play: trainee id '" << trainee
              << "' may hold only letters, digits, '.', '-' and '_'\n";
    return kUsageOrIo;
  }
  std::optional<std::string> responses_text;
  if (options.responses) {
    auto file = sim::read_file(*options.responses, kMaxResponsesBytes);
    if (!file.text) {
      std::cerr << "attune play: "
                << (file.too_large ? *options.responses + " is larger than 4 MiB" : file.error) << "\n";
      return kUsageOrIo;
    }
    responses_text = std::move(file.text);
  }
  std::string home = sim::runtime_home();
  auto rubric = load_installed_rubric(home, "play");
  if (!rubric.rubric) return kUsageOrIo;
  auto key = sim::programme_key();
  if (!key.error.empty()) {
    std::cerr << "attune play: cannot set up the programme key: " << key.error << "\n";
    return kUsageOrIo;
  }
  if (options.screenshot && !options.responses) {
    std::cerr << "attune play: --screenshot plays the --responses FILE in the window; give both\n";
    return kUsageOrIo;
  }
  int status = kDone;
  bool windowed = use_window(options, status);
  if (status != kDone) return status;
  sim::RecordsStore store(sim::local_records_dir(options.records));
  sim::RecorderSetup setup{store.root(), trainee, &*rubric.rubric, rubric.sha256, key.key};
  auto recorder = std::make_unique<sim::SessionRecorder>(setup);

  std::optional<sim::Scenario> scenario;
  std::optional<sim::Scenario> resumed;  // the kept copy an unfinished session continues on
  std::unique_ptr<sim::Session> session;
  if (options.resume) {
    auto id = pick_unfinished(store, *options.resume);
    if (!id) return kUsageOrIo;
    if (int failed = resume_session(store, *id, *recorder, scenario, session)) return failed;
  } else {
    scenario = load_playable(options.scenario, status);
    if (!scenario) return status;
  }
#ifndef ATTUNE_HAS_WINDOW
  (void)windowed;
#else
  std::unique_ptr<window::WindowPlayer> player;
  std::optional<std::vector<sim::ScriptedLine>> script;
  if (windowed) {
    window::WindowOptions wopts;
    wopts.runtime_home = home;
    wopts.settings_path =
        (std::filesystem::path(sim::key_file_path()).parent_path() / "window.json").string();
    if (responses_text) {
      script = sim::parse_responses(*responses_text);
      // A resumed session takes its responses from the line after the last journaled turn.
      if (session)
        script->erase(script->begin(), script->begin() + static_cast<std::ptrdiff_t>(std::min(
                                                             session->turns().size(), script->size())));
      wopts.script = &*script;
      wopts.script_file = *options.responses;
      wopts.script_last_line = sim::last_line_number(*responses_text);
    }
    wopts.screenshot = options.screenshot;
    wopts.frame_stats = options.frame_stats;
    wopts.realtime = options.realtime;
    std::string error;
    player = window::WindowPlayer::open(session ? session->scenario() : *scenario, wopts, error);
    if (!player) {
      std::cerr << "attune play: cannot open the window: " << error << "\n";
      return kUsageOrIo;
    }
    for (const auto& notice : player->notices()) std::cerr << "attune play: " << notice << "\n";
    // An unfinished session of this scenario (a crash, a kill): offer to continue it.
    if (!session && !script) {
      std::vector<sim::UnfinishedSession> mine;
      for (auto& s : sim::list_unfinished(store)) {
        if (s.scenario_id == scenario->id && s.trainee == trainee) mine.push_back(std::move(s));
      }
      if (!mine.empty()) {
        if (auto chosen = player->offer_resume(mine)) {
          if (int failed = resume_session(store, mine[*chosen].id, *recorder, resumed, session))
            return failed;
        }
      }
    }
  }
#endif
  if (!session) {
    session = std::make_unique<sim::Session>(
        *scenario, options.mode == "exam" ? sim::SessionMode::exam : sim::SessionMode::practice);
    if (auto error = recorder->begin(*session)) {
      std::cerr << "attune play: cannot write to the records directory: " << *error << "\n";
      return kUsageOrIo;
    }
  }

#ifdef ATTUNE_HAS_WINDOW
  if (player) {
    auto factory = [&setup] { return std::make_unique<sim::SessionRecorder>(setup); };
    auto play = player->play(std::move(session), std::move(recorder), factory);
    player.reset();
    if (!play.frame_stats.empty()) std::cerr << play.frame_stats;
    for (const auto& saved : play.saved) {
      if (options.json || responses_text) print_saved(saved.record, &*scenario, home, options.json);
      std::cerr << "Session record saved: " << saved.path << "\n";
    }
    if (!play.saved.empty()) refresh_progress(setup);
    // A retry keeps both attempts: each goes up, as a session played in the terminal does.
    if (std::string records = sim::records_dir(options.records); sim::is_postgresql_url(records)) {
      for (const auto& saved : play.saved) upload_record(records, setup, saved.path, saved.record);
    }
    if (play.discarded) std::cout << "The session was not kept.\n";
    if (!play.save_error.empty()) {
      std::cerr
          << "attune play: cannot save the session record: " << play.save_error
          << "\nIts turns are kept in the journal: make room, then continue with\n  attune play --resume "
          << play.unsaved_session << records_flag(options) << "\n";
      return kUsageOrIo;
    }
    if (!play.io_error.empty()) {
      std::cerr << "attune play: " << play.io_error << "\n";
      return kUsageOrIo;
    }
    if (!play.misfit.empty()) {
      std::cerr << play.misfit << "\n";
      return kBadContent;
    }
    return status;
  }
#endif
  std::optional<std::map<std::string, int>> self_rating;
  if (responses_text) {
    auto lines = sim::parse_responses(*responses_text);
    // A resumed session takes its responses from the line after the last journaled turn.
    std::size_t played = std::min(session->turns().size(), lines.size());
    lines.erase(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(played));
    auto play = sim::play_scripted(*session, *recorder, lines, *options.responses,
                                   sim::last_line_number(*responses_text), options.realtime);
    if (!play.io_error.empty()) {
      std::cerr << "attune play: " << play.io_error << "\n";
      status = kUsageOrIo;
    } else if (!play.misfit.empty()) {
      std::cerr << play.misfit << "\n";
      status = kBadContent;
    }
  } else {
    bool plain = options.plain || !::isatty(STDOUT_FILENO);
    // Raw mode times the first keystroke but echoes with backspaces; --plain keeps the terminal's own
    // line editing for screen readers, and the quiet is then timed to the line's arrival.
    auto lines = options.plain ? nullptr : sim::terminal_lines(std::cout);
    if (!lines) lines = sim::stream_lines(std::cin, std::cout);
    auto play = sim::play_terminal(*session, *recorder, *lines, std::cout, {plain});
    if (!play.io_error.empty()) {
      // The journal failed; the record may still be writable, so try it before giving up.
      std::cerr << "attune play: " << play.io_error << "\n";
      status = kUsageOrIo;
    } else if (!play.keep) {
      recorder->discard();
      std::cout << "The session was not kept.\n";
      return kDone;
    }
    self_rating = play.self_rating;
  }

  auto saved = recorder->finish(*session, session->ended(), self_rating);
  if (!saved.error.empty()) {
    std::cerr << "attune play: cannot save the session record: " << saved.error
              << "\nIts turns are kept in the journal: make room, then continue with\n  attune play --resume "
              << recorder->session_id() << records_flag(options) << "\n";
    return kUsageOrIo;
  }
  print_saved(saved.record, &*scenario, home, options.json);
  std::cerr << "Session record saved: " << saved.path << "\n";
  refresh_progress(setup);
  if (std::string records = sim::records_dir(options.records); sim::is_postgresql_url(records))
    upload_record(records, setup, saved.path, saved.record);
  return status;
}

}  // namespace attune::cli
