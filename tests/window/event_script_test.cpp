// The window event script's grammar and the text X11 sends after a key; no display needed.
#include "event_script.h"

#include <gtest/gtest.h>

namespace attune::window {
namespace {

TEST(EventScript, ReadsEachActionAndItsLine) {
  auto script = parse_event_script(
      "# a comment\n\nkey Ctrl+Equal\ntype  two  spaces\nwait 1.5s\nclick rating 2 3\nexpect dialog "
      "keep\nclose\n");
  ASSERT_EQ(script.error, "");
  ASSERT_EQ(script.steps.size(), 6u);
  EXPECT_EQ(script.steps[0].line, 3);
  EXPECT_EQ(script.steps[0].key, sf::Keyboard::Equal);
  EXPECT_TRUE(script.steps[0].control);
  EXPECT_EQ(script.steps[1].text, " two  spaces");
  EXPECT_EQ(script.steps[2].ms, 1500);
  EXPECT_EQ(script.steps[3].text, "rating");
  EXPECT_EQ(script.steps[3].numbers, (std::vector<int>{2, 3}));
  EXPECT_EQ(script.steps[4].kind, EventStep::Kind::expect_dialog);
  EXPECT_EQ(script.steps[5].kind, EventStep::Kind::close);
}

TEST(EventScript, NamesTheFirstLineThatIsNotAnAction) {
  EXPECT_EQ(parse_event_script("key Enter\nkey Hyper\n").error, "2: unknown key 'Hyper'");
  EXPECT_EQ(parse_event_script("click rating 2\n").error, "1: unknown click target 'rating 2'");
  EXPECT_EQ(parse_event_script("wait soon\n").error, "1: 'soon' is not a duration");
  EXPECT_EQ(parse_event_script("dance\n").error, "1: unknown action 'dance'");
}

TEST(EventScript, KeysSendTheTextX11Sends) {
  EXPECT_EQ(key_text(sf::Keyboard::Space, false, false), U' ');
  EXPECT_EQ(key_text(sf::Keyboard::Space, true, false), std::nullopt);
  EXPECT_EQ(key_text(sf::Keyboard::Equal, true, false), U'=');
  EXPECT_EQ(key_text(sf::Keyboard::A, true, false), U'\x01');
  EXPECT_EQ(key_text(sf::Keyboard::Num4, false, false), U'4');
  EXPECT_EQ(key_text(sf::Keyboard::Left, false, false), std::nullopt);
}

}  // namespace
}  // namespace attune::window
