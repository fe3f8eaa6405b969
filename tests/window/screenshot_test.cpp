// The window driven by scripted trainees under Xvfb: the same record as the headless player,
// and screenshots whose pixels prove the text and the bars were drawn. Without a display,
// `attune play` falls back to the terminal.
#include <gtest/gtest.h>

#include <SFML/Graphics/Image.hpp>
#include <nlohmann/json.hpp>

#include "attune/window/palette.h"
#include "pixels.h"
#include "run_attune.h"

namespace attune::e2e {
namespace {

using nlohmann::json;

json only_record(const Sandbox& box, const fs::path& records) {
  auto files = box.session_files(records);
  if (files.size() != 1)
    throw std::runtime_error("expected one record, found " + std::to_string(files.size()));
  return json::parse(slurp(files[0]));
}

// What must match between two plays of the same script: everything but ids and clocks.
json comparable(json record) {
  for (const char* key : {"id", "started", "ended", "integrity"}) record.erase(key);
  return record;
}

std::string line_with(const std::string& text, const std::string& needle) {
  auto at = text.find(needle);
  if (at == std::string::npos) return {};
  auto start = text.rfind('\n', at);
  start = start == std::string::npos ? 0 : start + 1;
  return text.substr(start, text.find('\n', at) - start);
}

class Window : public ::testing::Test {
 protected:
  // Plays `script` headless and in the window; returns the window's run.
  Output play_both(const std::string& scenario, const std::string& script,
                   const std::vector<std::string>& extra = {}) {
    std::vector<std::string> headless = {"play", scenario,    "--responses",
                                         script, "--records", (box.root() / "headless").string()};
    std::vector<std::string> window = {"play",         scenario,       "--responses",
                                       script,         "--records",    box.records().string(),
                                       "--screenshot", shot().string()};
    headless.insert(headless.end(), extra.begin(), extra.end());
    window.insert(window.end(), extra.begin(), extra.end());
    headless_run = box.run(headless);
    return box.run(window);
  }
  fs::path shot() const { return box.root() / "shot.png"; }
  fs::path debrief_shot() const { return box.root() / "shot-debrief.png"; }

  Sandbox box;
  Output headless_run;
};

TEST_F(Window, ScriptedPlayWritesTheSameRecordAsTheHeadlessPlayer) {
  for (const std::string play : {"tell-me-what-to-do.advice", "keep-it-between-us.safe"}) {
    Sandbox fresh;
    std::string scenario = play.substr(0, play.find('.'));
    std::string script = source("tests/fixtures/plays/" + play + ".txt").string();
    auto headless =
        fresh.run({"play", scenario, "--responses", script, "--records", (fresh.root() / "h").string()});
    auto window =
        fresh.run({"play", scenario, "--responses", script, "--records", (fresh.root() / "w").string(),
                   "--screenshot", (fresh.root() / "s.png").string()});
    ASSERT_EQ(window.status, headless.status) << window.err;
    EXPECT_EQ(comparable(only_record(fresh, fresh.root() / "w")),
              comparable(only_record(fresh, fresh.root() / "h")))
        << play;
    EXPECT_TRUE(only_record(fresh, fresh.root() / "w")["self_rating"].is_null());
  }
}

TEST_F(Window, ConversationScreenshotHasTextInTheBubblesAndACoachNote) {
  auto script =
      box.write("mix.txt",
                "It sounds like you’re carrying this decision on your own — and Friday feels close.\n"
                "[silence 6s]\n"
                "[after 7s] You're feeling like you can't trust yourself after what happened last time.\n");
  auto run = play_both("tell-me-what-to-do", script.string());
  ASSERT_EQ(run.status, 1) << run.err;  // the script stops before the end: a misfit, as headless
  EXPECT_EQ(line_with(run.err, script.string()), line_with(headless_run.err, script.string()));
  EXPECT_NE(line_with(run.err, script.string()), "");
  EXPECT_EQ(comparable(only_record(box, box.records())),
            comparable(only_record(box, box.root() / "headless")));
  sf::Image image;
  ASSERT_TRUE(image.loadFromFile(shot().string()));
  ASSERT_EQ(image.getSize(), sf::Vector2u(1280, 800));
  Region trainee = region_of(image, window::palette::kTraineeBubble);
  ASSERT_GT(trainee.pixels, 2000u) << "no trainee bubble";
  EXPECT_GT(dark_pixels_in(image, trainee), 150u) << "the trainee bubble has no text";
  Region coach = region_of(image, window::palette::kCoachCard);
  ASSERT_GT(coach.pixels, 2000u) << "no coach note in practice";
  EXPECT_GT(dark_pixels_in(image, coach), 150u) << "the coach note has no text";
  EXPECT_GT(region_of(image, window::palette::kEvidence).pixels, 200u) << "no evidence highlighted";
  EXPECT_FALSE(fs::exists(debrief_shot())) << "an unfinished script has no debrief";
}

TEST_F(Window, ExamShowsNoCoachNotes) {
  auto script = source("tests/fixtures/plays/tell-me-what-to-do.advice.txt");
  auto run = play_both("tell-me-what-to-do", script.string(), {"--mode", "exam"});
  ASSERT_EQ(run.status, headless_run.status) << run.err;
  sf::Image image;
  ASSERT_TRUE(image.loadFromFile(shot().string()));
  EXPECT_GT(region_of(image, window::palette::kTraineeBubble).pixels, 2000u);
  EXPECT_EQ(region_of(image, window::palette::kCoachCard).pixels, 0u);
}

TEST_F(Window, DebriefScreenshotDrawsEachCompetencyBarInProportionToItsScore) {
  auto script = source("tests/fixtures/plays/keep-it-between-us.safe.txt");
  auto run = play_both("keep-it-between-us", script.string());
  ASSERT_EQ(run.status, 0) << run.err;
  json record = only_record(box, box.records());
  std::vector<double> expected;
  for (const auto& [id, c] : record["competencies"].items())
    expected.push_back(c["score"].is_number() ? c["score"].get<double>() / 4.0 : 0.0);

  sf::Image image;
  ASSERT_TRUE(image.loadFromFile(debrief_shot().string()));
  // Each competency is a horizontal band of bar and track pixels; the bar's share of the band's
  // middle row is its score out of 4.
  std::vector<double> found;
  std::vector<std::pair<std::size_t, std::size_t>> band_rows;
  bool in_band = false;
  for (unsigned y = 0; y < image.getSize().y; ++y) {
    std::size_t bar = 0, track = 0;
    for (unsigned x = 0; x < image.getSize().x; ++x) {
      bar += same(image.getPixel(x, y), window::palette::kBar);
      track += same(image.getPixel(x, y), window::palette::kBarTrack);
    }
    bool band = bar + track > 100;
    if (band && !in_band) band_rows.emplace_back(y, y);
    if (band) band_rows.back().second = y;
    in_band = band;
  }
  for (auto [top, bottom] : band_rows) {
    unsigned y = static_cast<unsigned>((top + bottom) / 2);
    std::size_t bar = 0, track = 0;
    for (unsigned x = 0; x < image.getSize().x; ++x) {
      bar += same(image.getPixel(x, y), window::palette::kBar);
      track += same(image.getPixel(x, y), window::palette::kBarTrack);
    }
    found.push_back(static_cast<double>(bar) / static_cast<double>(bar + track));
  }
  ASSERT_EQ(found.size(), expected.size()) << "one bar per competency";
  for (std::size_t i = 0; i < found.size(); ++i)
    EXPECT_NEAR(found[i], expected[i], 0.02) << "competency " << i;
  // The status is written beside each bar, not shown by colour alone: text to the right of it.
  Region bars = region_of(image, window::palette::kBarTrack);
  Region words{bars.right + 1, bars.top, std::min(bars.right + 300, image.getSize().x - 1), bars.bottom, 0};
  EXPECT_GT(dark_pixels_in(image, words), 500u);
}

TEST_F(Window, ScreenshotWithoutResponsesIsAUsageError) {
  auto run = box.run({"play", "tell-me-what-to-do", "--screenshot", shot().string()});
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("--responses"), std::string::npos) << run.err;
}

TEST(WindowWithoutDisplay, FallsBackToTheTerminalWithANotice) {
  Sandbox box;
  auto run =
      box.run({"play", "tell-me-what-to-do", "--records", box.records().string()}, "/quit\n", "DISPLAY=");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.err.find("no display"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("playing in the terminal"), std::string::npos) << run.err;
  EXPECT_NE(run.out.find("Marisol"), std::string::npos) << run.out;
}

TEST(WindowWithoutDisplay, ScreenshotNeedsADisplay) {
  Sandbox box;
  auto run = box.run({"play", "tell-me-what-to-do", "--responses",
                      source("tests/fixtures/plays/tell-me-what-to-do.advice.txt").string(), "--screenshot",
                      (box.root() / "s.png").string()},
                     "", "DISPLAY=");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("xvfb-run"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace attune::e2e
