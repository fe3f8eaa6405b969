// The HTML report in a real browser: Debian's chromium, headless, loads a report made from real
// scripted plays; the rendered DOM must hold the charts and the transcripts. Skipped (not failed)
// where chromium is not installed (tools/deps.sh installs it).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "run_attune.h"

namespace attune::e2e {
namespace {

using nlohmann::json;

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

std::string chromium(const Sandbox& box, const std::vector<std::string>& args) {
  std::string command = "chromium --headless --no-sandbox --disable-gpu --hide-scrollbars";
  for (const auto& a : args) command += " " + quote(a);
  command += " >" + quote((box.root() / "dom.html").string()) + " 2>/dev/null";
  if (std::system(command.c_str()) != 0) return {};
  return slurp(box.root() / "dom.html");
}

TEST(ReportInBrowser, ChartsAndTranscriptsAreRendered) {
  if (std::system("command -v chromium >/dev/null 2>&1") != 0) GTEST_SKIP() << "chromium is not installed";
  Sandbox box;
  fs::path records = box.records();
  struct Play {
    std::string scenario, file, trainee;
  };
  std::vector<Play> plays = {
      {"tell-me-what-to-do", "tests/fixtures/plays/tell-me-what-to-do.listening.txt", "avery"},
      {"tell-me-what-to-do", "tests/fixtures/plays/tell-me-what-to-do.advice.txt", "avery"},
      {"hard-to-say", "scenarios/plays/hard-to-say/listens-throughout.txt", "avery"},
      {"keep-it-between-us", "tests/fixtures/plays/keep-it-between-us.safe.txt", "blake"},
      {"keep-it-between-us", "tests/fixtures/plays/keep-it-between-us.secret.txt", "blake"},
      {"hard-to-say", "scenarios/plays/hard-to-say/rushes-in.txt", "casey"},
  };
  for (const auto& p : plays) {
    auto run = box.run({"play", p.scenario, "--responses", source(p.file).string(), "--trainee", p.trainee,
                        "--records", records.string()});
    ASSERT_EQ(run.status, 0) << run.err;
  }
  auto files = box.session_files(records);
  json record = json::parse(slurp(files.front()));
  std::string id = record["id"];
  ASSERT_EQ(box.run({"review", id, "--override", "0", "advice", "--reason", "a suggestion", "--by", "Dana",
                     "--records", records.string()})
                .status,
            0);
  fs::path html = box.root() / "report.html";
  auto report = box.run({"report", "--records", records.string(), "--html", html.string()});
  ASSERT_EQ(report.status, 0) << report.err;

  std::string dom = chromium(box, {"--dump-dom", "file://" + html.string()});
  ASSERT_FALSE(dom.empty()) << "chromium did not render the report";
  // Three trainees x nine trend charts, plus the practice-time chart.
  EXPECT_GE(count(dom, "<svg"), 3u * 9u + 1u);
  EXPECT_GE(count(dom, "<polyline"), 3u);
  EXPECT_NE(dom.find("id=\"s-" + id + "\""), std::string::npos) << "each session has an anchor";
  EXPECT_NE(dom.find("href=\"#s-" + id + "\""), std::string::npos) << "and a link to it";
  std::string response = record["turns"][0]["response"].get<std::string>();
  std::string escaped;
  for (char c : response) escaped += c == '\'' ? std::string("'") : std::string(1, c);
  EXPECT_NE(dom.find(escaped), std::string::npos)
      << "the transcript text is in the rendered page: " << response;
  // Each trend chart names its sessions' days under the x axis: avery's first is today's play.
  EXPECT_GE(count(dom, "class=\"date\""), 3u);
  EXPECT_NE(dom.find(">" + record["started"].get<std::string>().substr(0, 10) + "</text>"),
            std::string::npos);
  // Scripted plays have no wall-clock time: counted as such, never shown as practice of 0 s.
  EXPECT_NE(dom.find("no timed practice (3 scripted plays, untimed)"), std::string::npos);
  EXPECT_EQ(dom.find(">0 s<"), std::string::npos);
  EXPECT_NE(dom.find("Coder calibration"), std::string::npos);
  EXPECT_NE(dom.find("Corrected by the supervisor to: advice"), std::string::npos);
  EXPECT_EQ(dom.find("<script"), std::string::npos) << "the report runs no scripts";

  fs::path shot = box.root() / "report.png";
  chromium(box, {"--window-size=1280,1500", "--screenshot=" + shot.string(), "file://" + html.string()});
  ASSERT_TRUE(fs::exists(shot));
  EXPECT_GT(fs::file_size(shot), 10000u);
  if (const char* keep = std::getenv("ATTUNE_REPORT_SCREENSHOT"))
    fs::copy_file(shot, keep, fs::copy_options::overwrite_existing);
}

}  // namespace
}  // namespace attune::e2e
