// Kill test: scripted plays are killed with SIGKILL at seeded random moments and resumed until
// they finish. Every turn acknowledged before a kill must survive exactly once, every record must
// parse and verify, and no temp file may be left behind. The window journals on a writer thread:
// there a kill comes right after Enter, while the turn may still be on its way to disk.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <thread>

#include "attune/simulator/records.h"
#include "private_xvfb.h"
#include "run_attune.h"

namespace attune::e2e {
namespace {

using nlohmann::json;

constexpr int kTurns = 24;
constexpr int kSessions = 25;
constexpr int kKillsPerSession = 8;  // 200 kills when no session finishes early
constexpr int kMinKills = 200;       // a session that finishes early is made up by another

std::string linear_scenario(int turns = kTurns) {
  std::string y = "attune: 1\nid: kill-test\ntitle: Kill test\nclient: {name: Lee}\nstart: n0\nnodes:\n";
  for (int i = 0; i < turns; ++i) {
    y += "  n" + std::to_string(i) + ":\n    client: Line " + std::to_string(i) +
         ".\n    space: 1ms\n    otherwise: " +
         (i + 1 < turns ? "n" + std::to_string(i + 1) : std::string("end")) + "\n";
  }
  return y + "  end:\n    client: Bye.\n    end: true\n    outcome: engaged\n";
}

std::string responses(int turns = kTurns) {
  std::string r;
  for (int i = 0; i < turns; ++i) r += "[after 2ms] It sounds like line " + std::to_string(i) + " matters.\n";
  return r;
}

std::vector<std::string> expected_replies(int turns = kTurns) {
  std::vector<std::string> expected;
  for (int i = 0; i < turns; ++i)
    expected.push_back("It sounds like line " + std::to_string(i) + " matters.");
  return expected;
}

struct Child {
  pid_t pid = -1;
  int stderr_fd = -1;
};

// `file_size_limit`: bytes any one file may grow to, as a full disk would stop it (0: no limit).
// `display`: the X display for a window play (none: headless).
Child spawn(const std::vector<std::string>& args, const Sandbox& box, rlim_t file_size_limit = 0,
            const std::string& display = "") {
  int fds[2];
  if (::pipe(fds) != 0) throw std::runtime_error("pipe");
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(fds[1], STDERR_FILENO);
    int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, STDOUT_FILENO);
    ::dup2(null, STDIN_FILENO);
    ::close(fds[0]);
    if (file_size_limit > 0) {
      rlimit limit{file_size_limit, file_size_limit};
      ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    ::setenv("ATTUNE_KEY", "kill-test-key", 1);
    ::setenv("ATTUNE_HOME", ATTUNE_SOURCE_DIR, 1);
    ::setenv("HOME", box.root().c_str(), 1);
    if (!display.empty()) ::setenv("DISPLAY", display.c_str(), 1);
    std::vector<char*> argv{const_cast<char*>(ATTUNE_BINARY)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(ATTUNE_BINARY, argv.data());
    ::_exit(127);
  }
  ::close(fds[1]);
  return Child{pid, fds[0]};
}

bool ends_with(const std::string& line, const std::string& end) {
  return line.size() >= end.size() && line.compare(line.size() - end.size(), end.size(), end) == 0;
}

// The marks a --realtime play writes on stderr: "turn N sent" (the window, at Enter) and "turn N
// saved" (journaled; the client goes on). Reads one line at a time, so nothing past the line
// that satisfies `done` is consumed.
struct Marks {
  int sent = 0;
  int saved = 0;
  std::string text;  // all that was read
};
template <typename Done>
Marks read_marks(int fd, Done done) {
  Marks marks;
  std::string line;
  char c;
  while (!done(marks) && ::read(fd, &c, 1) == 1) {
    marks.text += c;
    if (c != '\n') {
      line += c;
      continue;
    }
    if (line.compare(0, 5, "turn ") == 0 && ends_with(line, " sent")) ++marks.sent;
    if (line.compare(0, 5, "turn ") == 0 && ends_with(line, " saved")) ++marks.saved;
    line.clear();
  }
  return marks;
}

// Reads "turn N saved" lines until `wanted` acknowledgements or end of output; returns the count.
int read_acks(int fd, int wanted) {
  return read_marks(fd, [wanted](const Marks& m) { return m.saved >= wanted; }).saved;
}

std::vector<fs::path> files_under(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) out.push_back(e.path());
  }
  return out;
}

// The replies journaled so far (after the header), in order.
std::vector<std::string> journaled(const fs::path& records) {
  std::vector<std::string> replies;
  if (!fs::exists(records / "journal")) return replies;
  for (const auto& e : fs::directory_iterator(records / "journal")) {
    std::istringstream lines(slurp(e.path()));
    std::string line;
    std::getline(lines, line);  // header
    while (std::getline(lines, line)) {
      auto turn = json::parse(line, nullptr, false);
      if (turn.is_object()) replies.push_back(turn.value("response", ""));
    }
  }
  return replies;
}

TEST(KillAndResume, NoAcknowledgedTurnIsLostOrDuplicated) {
  Sandbox box;
  auto scenario = box.write("kill.yaml", linear_scenario());
  auto script = box.write("kill.txt", responses());
  auto expected = expected_replies();
  std::mt19937 random(20261125);  // seeded: a failure replays exactly
  int kills = 0;
  for (int s = 0; s < kSessions || (kills < kMinKills && s < 2 * kSessions); ++s) {
    fs::path records = box.root() / ("records-" + std::to_string(s));
    int acknowledged = 0;
    bool started = false;
    for (int k = 0; k <= kKillsPerSession; ++k) {
      std::vector<std::string> args = {"play",      "--responses",    script.string(),
                                       "--records", records.string(), "--realtime"};
      if (started && fs::exists(records / "journal") && !fs::is_empty(records / "journal")) {
        args.insert(args.begin() + 1, "--resume");
      } else {
        args.insert(args.begin() + 1, scenario.string());
      }
      Child child = spawn(args, box);
      if (k == kKillsPerSession) {
        read_acks(child.stderr_fd, kTurns + 1);  // the last run goes to the end
      } else {
        int wanted = static_cast<int>(random() % 4);
        acknowledged += read_acks(child.stderr_fd, wanted);
        // Not a wait for something to happen: a random offset is where the fault is injected.
        std::this_thread::sleep_for(std::chrono::microseconds(random() % 3000));
        ::kill(child.pid, SIGKILL);
        ++kills;
      }
      int status = 0;
      ::waitpid(child.pid, &status, 0);
      ::close(child.stderr_fd);
      started = true;
      // Finished: the record is saved and its journal removed. (A kill between those two steps leaves
      // both; the next resume replays the journal and saves the same session again.)
      bool journal_left = fs::exists(records / "journal") && !fs::is_empty(records / "journal");
      if (!box.session_files(records).empty() && !journal_left) break;
      auto saved = journaled(records);
      ASSERT_GE(saved.size(), static_cast<std::size_t>(std::min(acknowledged, kTurns)))
          << "an acknowledged turn was lost (session " << s << ", kill " << k << ")";
      ASSERT_TRUE(std::equal(saved.begin(), saved.end(), expected.begin()))
          << "turns must be the script's, once each, in order";
      acknowledged = static_cast<int>(saved.size());
    }
    auto sessions = box.session_files(records);
    ASSERT_EQ(sessions.size(), 1u) << "session " << s;
    auto record = json::parse(slurp(sessions[0]));
    EXPECT_TRUE(sim::record_signature_ok(record, "kill-test-key"));
    EXPECT_TRUE(record["complete"]);
    std::vector<std::string> replies;
    for (const auto& t : record["turns"]) replies.push_back(t["response"]);
    EXPECT_EQ(replies, expected) << "session " << s;
    for (const auto& f : files_under(records)) {
      EXPECT_EQ(f.filename().string().find(".tmp-"), std::string::npos) << "temp file left: " << f;
      EXPECT_NE(f.parent_path().filename(), "journal") << "journal left behind: " << f;
    }
  }
  EXPECT_GE(kills, kMinKills);
}

#ifdef ATTUNE_TEST_WINDOW
TEST(KillAndResume, InTheWindowAKillRightAfterEnterKeepsEveryTurnTheClientHadAnswered) {
  PrivateXvfb xvfb;
  if (xvfb.display().empty()) GTEST_SKIP() << "no Xvfb to open the window on";
  constexpr int kWindowTurns = 6;  // the window plays in real time: each line takes its fade
  Sandbox box;
  auto scenario = box.write("kill.yaml", linear_scenario(kWindowTurns));
  auto script = box.write("kill.txt", responses(kWindowTurns));
  auto expected = expected_replies(kWindowTurns);
  std::mt19937 random(20261126);  // seeded: a failure replays exactly
  int kills = 0;
  for (int s = 0; s < 6; ++s) {
    fs::path records = box.root() / ("records-" + std::to_string(s));
    fs::path shot = box.root() / ("shot-" + std::to_string(s) + ".png");
    int answered = 0;  // turns the client went on from ("saved"), over all runs so far
    bool started = false;
    for (int k = 0;; ++k) {
      ASSERT_LT(k, 2 * kWindowTurns) << "session " << s << " never finished";
      std::vector<std::string> args = {"play",        "--responses", script.string(),  "--screenshot",
                                       shot.string(), "--records",   records.string(), "--realtime"};
      bool unfinished = fs::exists(records / "journal") && !fs::is_empty(records / "journal");
      args.insert(args.begin() + 1, started && unfinished ? "--resume" : scenario.string());
      Child child = spawn(args, box, 0, xvfb.display());
      // Right after an Enter: the turn is sent and its journal write may still be under way.
      int sent_before_kill = 1 + static_cast<int>(random() % 2);
      Marks marks = read_marks(child.stderr_fd, [&](const Marks& m) { return m.sent >= sent_before_kill; });
      bool killed = marks.sent >= sent_before_kill;
      if (killed) {
        // Not a wait for something to happen: a random offset is where the fault is injected.
        std::this_thread::sleep_for(std::chrono::microseconds(random() % 1500));
        ::kill(child.pid, SIGKILL);
        ++kills;
      }
      int status = 0;
      ::waitpid(child.pid, &status, 0);
      ::close(child.stderr_fd);
      if (!killed) {
        ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
            << "session " << s << ", run " << k << ":\n"
            << marks.text;
      }
      answered += marks.saved;
      started = true;
      bool journal_left = fs::exists(records / "journal") && !fs::is_empty(records / "journal");
      if (!box.session_files(records).empty() && !journal_left) break;
      auto saved = journaled(records);
      ASSERT_GE(saved.size(), static_cast<std::size_t>(answered))
          << "a turn the client had answered was lost (session " << s << ", run " << k << ")";
      ASSERT_LE(saved.size(), expected.size());
      ASSERT_TRUE(std::equal(saved.begin(), saved.end(), expected.begin()))
          << "turns must be the script's, once each, in order";
      answered = static_cast<int>(saved.size());
    }
    auto sessions = box.session_files(records);
    ASSERT_EQ(sessions.size(), 1u) << "session " << s;
    auto record = json::parse(slurp(sessions[0]));
    EXPECT_TRUE(sim::record_signature_ok(record, "kill-test-key"));
    EXPECT_TRUE(record["complete"]);
    std::vector<std::string> replies;
    for (const auto& t : record["turns"]) replies.push_back(t["response"]);
    EXPECT_EQ(replies, expected) << "session " << s;
    for (const auto& f : files_under(records)) {
      EXPECT_EQ(f.filename().string().find(".tmp-"), std::string::npos) << "temp file left: " << f;
      EXPECT_NE(f.parent_path().filename(), "journal") << "journal left behind: " << f;
    }
  }
  EXPECT_GE(kills, 12);
}

TEST(FullDisk, TheWindowStopsWithTheWritersErrorAndTheJournalStaysReadable) {
  PrivateXvfb xvfb;
  if (xvfb.display().empty()) GTEST_SKIP() << "no Xvfb to open the window on";
  Sandbox box;
  auto scenario = box.write("kill.yaml", linear_scenario());
  auto script = box.write("kill.txt", responses());
  fs::path records = box.root() / "records";
  // The journal fills up a few turns in; the write that fails runs on the window's writer thread.
  Child child = spawn({"play", scenario.string(), "--responses", script.string(), "--screenshot",
                       (box.root() / "shot.png").string(), "--records", records.string()},
                      box, 2048, xvfb.display());
  Marks marks = read_marks(child.stderr_fd, [](const Marks&) { return false; });
  int status = 0;
  ::waitpid(child.pid, &status, 0);
  ::close(child.stderr_fd);
  ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status);
  EXPECT_EQ(WEXITSTATUS(status), 2) << marks.text;
  EXPECT_NE(marks.text.find("File too large"), std::string::npos) << marks.text;
  auto saved = journaled(records);
  EXPECT_FALSE(saved.empty());
  auto resumed = box.run({"play", "--resume", "--responses", script.string(), "--records", records.string()},
                         "", "ATTUNE_KEY=kill-test-key");
  ASSERT_EQ(resumed.status, 0) << resumed.err;
  auto sessions = box.session_files(records);
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_EQ(json::parse(slurp(sessions[0]))["turns"].size(), static_cast<std::size_t>(kTurns));
}
#endif

TEST(KillAndResume, ATornJournalLineIsReportedAndTheSessionContinuesFromTheTurnsBeforeIt) {
  Sandbox box;
  auto scenario = box.write("kill.yaml", linear_scenario());
  auto script = box.write("kill.txt", responses());
  fs::path records = box.root() / "records";
  Child child = spawn({"play", scenario.string(), "--responses", script.string(), "--records",
                       records.string(), "--realtime"},
                      box);
  ASSERT_EQ(read_acks(child.stderr_fd, 3), 3);
  ::kill(child.pid, SIGKILL);
  ::waitpid(child.pid, nullptr, 0);
  ::close(child.stderr_fd);
  ASSERT_EQ(box.session_files(records).size(), 0u);
  auto journal = fs::directory_iterator(records / "journal")->path();
  std::ofstream(journal, std::ios::app) << "{\"index\": 3, \"node\": \"n3\", \"kin";  // torn by a crash

  auto listed = box.run({"play", "--list-unfinished", "--records", records.string()});
  EXPECT_EQ(listed.status, 0);
  EXPECT_NE(listed.out.find(journal.stem().string()), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find("torn"), std::string::npos) << listed.out;

  auto resumed = box.run({"play", "--resume", journal.stem().string(), "--responses", script.string(),
                          "--records", records.string()},
                         "", "ATTUNE_KEY=kill-test-key");
  ASSERT_EQ(resumed.status, 0) << resumed.err;
  EXPECT_NE(resumed.err.find("damaged"), std::string::npos) << resumed.err;
  auto sessions = box.session_files(records);
  ASSERT_EQ(sessions.size(), 1u);
  auto record = json::parse(slurp(sessions[0]));
  EXPECT_EQ(record["turns"].size(), static_cast<std::size_t>(kTurns));
  EXPECT_EQ(record["id"], journal.stem().string()) << "the resumed session keeps its id";
  EXPECT_TRUE(sim::record_signature_ok(record, "kill-test-key"));
  EXPECT_TRUE(fs::is_empty(records / "journal"));
}

TEST(KillAndResume, ResumeWithNothingUnfinishedIsAUsageError) {
  Sandbox box;
  auto run = box.run({"play", "--resume", "--records", (box.root() / "empty").string()});
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("no unfinished sessions"), std::string::npos) << run.err;
}

TEST(FullDisk, PlayStopsWithAClearMessageAndTheJournalStaysReadable) {
  Sandbox box;
  auto scenario = box.write("kill.yaml", linear_scenario());
  auto script = box.write("kill.txt", responses());
  fs::path records = box.root() / "records";
  // Each journal line is a few hundred bytes: the journal fills up a few turns in.
  Child child = spawn(
      {"play", scenario.string(), "--responses", script.string(), "--records", records.string()}, box, 2048);
  std::string err;
  char buffer[512];
  for (ssize_t n; (n = ::read(child.stderr_fd, buffer, sizeof buffer)) > 0;)
    err.append(buffer, static_cast<std::size_t>(n));
  int status = 0;
  ::waitpid(child.pid, &status, 0);
  ::close(child.stderr_fd);
  ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status);
  EXPECT_EQ(WEXITSTATUS(status), 2) << err;
  EXPECT_NE(err.find("File too large"), std::string::npos) << err;
  // Nothing corrupted: every journal line that was written is whole, and a later resume (with
  // room again) finishes the session from them.
  auto saved = journaled(records);
  EXPECT_FALSE(saved.empty());
  auto resumed = box.run({"play", "--resume", "--responses", script.string(), "--records", records.string()},
                         "", "ATTUNE_KEY=kill-test-key");
  ASSERT_EQ(resumed.status, 0) << resumed.err;
  auto sessions = box.session_files(records);
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_EQ(json::parse(slurp(sessions[0]))["turns"].size(), static_cast<std::size_t>(kTurns));
}

}  // namespace
}  // namespace attune::e2e
