// Responding in the window: numbered choices (keys 1-9 and clicks) and holding silence (Tab or
// Ctrl+Space passes the turn), driven through the window's own event handler by event scripts
// and scripted trainees, judged by the records they leave and the screenshot's pixels.
#include <gtest/gtest.h>

#include <SFML/Graphics/Image.hpp>
#include <algorithm>

#include "attune/window/palette.h"
#include "pixels.h"
#include "window_flows.h"

namespace attune::e2e {
namespace {

using nlohmann::json;

TEST(WindowResponding, ChoiceNodesTakeANumberKeyOrAClickAndIgnoreOtherKeys) {
  Sandbox box;
  auto run = play_events(box,
                         "key Enter\nwait 5s\n"
                         "type a\nkey 9\nexpect screen conversation\n"  // not an option: nothing happens
                         "key 2\n"                                      // opening: the second option
                         "wait 6s\nkey 4\n"                             // checking-limits has three options
                         "click choice 2\nclose\n",
                         {}, "keep-it-between-us");
  ASSERT_EQ(run.output.status, 0) << run.output.err;
  ASSERT_EQ(run.records.size(), 1u) << run.output.err;
  const json& turns = run.records[0]["turns"];
  ASSERT_EQ(turns.size(), 2u) << "the keys that were no option chose nothing";
  EXPECT_EQ(turns[0]["kind"], "choice");
  EXPECT_EQ(turns[0]["node"], "opening");
  EXPECT_EQ(turns[0]["choice"], 2);
  EXPECT_EQ(turns[0]["latency_ms"], 5000) << "the quiet before the key, from when the line appeared";
  EXPECT_EQ(turn_codes(turns[0]), (std::vector<std::string>{"complex_reflection", "information"}));
  EXPECT_EQ(turns[1]["node"], "checking-limits") << "the choice led where the scenario says";
  EXPECT_EQ(turns[1]["choice"], 2);
  EXPECT_EQ(turns[1]["latency_ms"], 6000);
  EXPECT_EQ(turn_codes(turns[1]), (std::vector<std::string>{"emphasize_autonomy", "simple_reflection"}));
}

TEST(WindowResponding, TabOrCtrlSpacePassesTheTurnSilently) {
  Sandbox box;
  auto run = play_events(
      box, "key Enter\nwait 6s\nkey Tab\nexpect screen conversation\nwait 8s\nkey Ctrl+Space\nclose\n");
  ASSERT_EQ(run.output.status, 0) << run.output.err;
  ASSERT_EQ(run.records.size(), 1u) << run.output.err;
  const json& turns = run.records[0]["turns"];
  ASSERT_EQ(turns.size(), 2u);
  EXPECT_EQ(turns[0]["kind"], "silence");
  EXPECT_EQ(turns[0]["node"], "opening");
  EXPECT_EQ(turns[0]["silence_ms"], 6000);
  EXPECT_EQ(turn_codes(turns[0]), std::vector<std::string>{"silence"}) << "no text codes, no interruption";
  EXPECT_TRUE(turns[0]["response"].is_null());
  EXPECT_EQ(turns[1]["kind"], "silence");
  EXPECT_EQ(turns[1]["node"], "fills-silence") << "the scenario's branch for a held silence";
  EXPECT_EQ(turns[1]["silence_ms"], 8000);
}

TEST(WindowResponding, TabWithWordsInTheBoxKeepsThemAndPassesNothing) {
  Sandbox box;
  auto run = play_events(
      box, "key Enter\nwait 5s\ntype It sounds hard.\nkey Tab\nkey Ctrl+Space\nkey Enter\nclose\n");
  ASSERT_EQ(run.output.status, 0) << run.output.err;
  ASSERT_EQ(run.records.size(), 1u) << run.output.err;
  const json& turns = run.records[0]["turns"];
  ASSERT_EQ(turns.size(), 1u);
  EXPECT_EQ(turns[0]["kind"], "reply");
  EXPECT_EQ(turns[0]["response"], "It sounds hard.");
}

// The reply area of a screenshot: the rows below the last full-width rule.
unsigned reply_area_top(const sf::Image& image) {
  for (unsigned y = image.getSize().y; y-- > 0;) {
    if (same(image.getPixel(4, y), window::palette::kRule)) return y;
  }
  return 0;
}

TEST(WindowResponding, AChoiceNodeShowsOneNumberedButtonPerOption) {
  Sandbox box;
  // Stops at checking-limits, which offers three options: the screenshot shows them waiting.
  auto script = box.write("one.txt", "[choice 2]\n");
  auto run = box.run({"play", "keep-it-between-us", "--responses", script.string(), "--records",
                      box.records().string(), "--screenshot", (box.root() / "shot.png").string()});
  ASSERT_EQ(run.status, 1) << run.err;  // the file ends before the session does
  sf::Image image;
  ASSERT_TRUE(image.loadFromFile((box.root() / "shot.png").string()));
  unsigned top = reply_area_top(image);
  ASSERT_GT(top, image.getSize().y / 2);
  // Down a column inside the buttons' left edge: each button is a band of its own fill.
  const unsigned x = 36;
  int buttons = 0;
  bool in_button = false;
  for (unsigned y = top + 1; y < image.getSize().y; ++y) {
    bool button = same(image.getPixel(x, y), window::palette::kBackground);
    if (button && !in_button) ++buttons;
    in_button = button;
  }
  EXPECT_EQ(buttons, 3);
  // Each button carries its number and its words: text on the button's fill.
  Region buttons_area{30, top + 1, image.getSize().x - 30, image.getSize().y - 40, 0};
  EXPECT_GT(dark_pixels_in(image, buttons_area), 400u);
}

}  // namespace
}  // namespace attune::e2e
