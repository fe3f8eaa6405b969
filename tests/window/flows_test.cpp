// The window's flows that need a person's keys and clicks: the Esc menu (resume, restart,
// quit), keep or discard, the self-rating, retry from the debrief, the resume offer and the
// remembered text scale. Driven by window event scripts through the window's event handler,
// judged by the records and the settings file they leave.
#include <gtest/gtest.h>

#include <algorithm>

#include "window_flows.h"

namespace attune::e2e {
namespace {

using nlohmann::json;

bool has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

TEST(WindowFlows, QuittingAPracticeSessionAndKeepingItSavesItIncomplete) {
  Sandbox box;
  // Space begins the session: the space X11 types after it must not reach the reply box.
  auto run = play_events(box, "expect screen intro\nkey Space\nexpect screen conversation\n" +
                                  reply(kAdvice[0]) + reply(kAdvice[1], "6s") +
                                  "key Escape\nexpect dialog menu\nkey Down\nkey Down\nkey Enter\n"
                                  "expect dialog keep\nkey Enter\n");
  ASSERT_EQ(run.output.status, 0) << run.output.err;
  ASSERT_EQ(run.records.size(), 1u) << run.output.err;
  const json& record = run.records[0];
  EXPECT_EQ(record["complete"], false);
  EXPECT_EQ(record["mode"], "practice");
  EXPECT_TRUE(record["ended"].is_null() || record["ended"].is_string());
  ASSERT_EQ(record["turns"].size(), 2u);
  EXPECT_EQ(record["turns"][0]["response"], kAdvice[0]);
  EXPECT_EQ(record["turns"][1]["response"], kAdvice[1]);
  // The quiet before the first keystroke, from the moment the line had appeared.
  EXPECT_EQ(record["turns"][0]["latency_ms"], 5000);
  EXPECT_EQ(record["turns"][1]["latency_ms"], 6000);
  EXPECT_FALSE(has(turn_codes(record["turns"][0]), "interruption"));
  EXPECT_TRUE(record["self_rating"].is_null());
  EXPECT_EQ(run.journals, 0u);
}

TEST(WindowFlows, QuittingAPracticeSessionAndDiscardingItKeepsNothing) {
  Sandbox box;
  auto run = play_events(box, "key Enter\n" + reply(kAdvice[0]) +
                                  "key Escape\nclick dialog 3\nexpect dialog keep\nclick dialog 2\n");
  ASSERT_EQ(run.output.status, 0) << run.output.err;
  EXPECT_TRUE(run.records.empty());
  EXPECT_EQ(run.journals, 0u) << "a discarded session leaves no journal to resume";
  EXPECT_NE(run.output.out.find("not kept"), std::string::npos) << run.output.out;
}

TEST(WindowFlows, MenuResumeAndKeepCancelGoBackToTheSessionThenSelfRatingIsRecorded) {
  Sandbox box;
  std::string events = "key Enter\nwait 5s\ntype " + std::string(kAdvice[0]) +
                       // Space chooses Resume: its space must not be typed after the reply.
                       "\nkey Escape\nexpect dialog menu\nkey Space\nexpect dialog none\nkey Enter\n" +
                       reply(kAdvice[1]) +
                       "key Escape\nclick dialog 3\nexpect dialog keep\nclick dialog 3\nexpect dialog none\n"
                       "expect screen conversation\n" +
                       reply(kAdvice[2]) +
                       "expect screen conversation\nclick continue\nexpect screen rating\n"
                       // Enter does nothing until every skill is rated.
                       "key Enter\nexpect screen rating\n"
                       "type 3\n"                          // skill 1: 3, and on to skill 2
                       "click rating 2 2\n"                // skill 2: 2 by mouse
                       "key Down\nkey 4\n"                 // skill 3: 4 by key
                       "key Right\nkey Right\nkey Left\n"  // skill 4: 1, 2, back to 1
                       "click show-debrief\nexpect screen debrief\nkey Escape\n";
  auto run = play_events(box, events);
  ASSERT_EQ(run.output.status, 0) << run.output.err;
  ASSERT_EQ(run.records.size(), 1u) << run.output.err;
  const json& record = run.records[0];
  EXPECT_EQ(record["complete"], true);
  ASSERT_EQ(record["turns"].size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(record["turns"][i]["response"], kAdvice[i]);
  EXPECT_EQ(
      record["self_rating"],
      json(
          {{"avoiding_advice", 3}, {"holding_silence", 2}, {"reflective_listening", 4}, {"empowerment", 1}}));
}

TEST(WindowFlows, ClosingOnTheSelfRatingKeepsTheFinishedSessionUnrated) {
  Sandbox box;
  auto run = play_events(box, "key Enter\n" + reply(kAdvice[0]) + reply(kAdvice[1]) + reply(kAdvice[2]) +
                                  "key Enter\nexpect screen rating\ntype 2\nclose\n");
  ASSERT_EQ(run.output.status, 0) << run.output.err;
  ASSERT_EQ(run.records.size(), 1u);
  EXPECT_EQ(run.records[0]["complete"], true);
  EXPECT_TRUE(run.records[0]["self_rating"].is_null());
}

TEST(WindowFlows, AnExamIsKeptWithoutAskingWhenQuitOrClosed) {
  for (const std::string leave : {"key Escape\nclick dialog 3\nexpect dialog none\n", "close\n"}) {
    Sandbox box;
    auto run = play_events(box, "key Enter\n" + reply(kAdvice[0]) + leave, {"--mode", "exam"});
    ASSERT_EQ(run.output.status, 0) << run.output.err;
    ASSERT_EQ(run.records.size(), 1u) << leave;
    EXPECT_EQ(run.records[0]["mode"], "exam");
    EXPECT_EQ(run.records[0]["complete"], false);
    EXPECT_EQ(run.records[0]["turns"].size(), 1u);
    EXPECT_EQ(run.journals, 0u);
  }
}

TEST(WindowFlows, ClosingOnTheIntroLeavesNoUnfinishedSession) {
  Sandbox box;
  auto run = play_events(box, "expect screen intro\nclose\n");
  ASSERT_EQ(run.output.status, 0) << run.output.err;
  EXPECT_TRUE(run.records.empty());
  EXPECT_EQ(run.journals, 0u);
}

TEST(WindowFlows, RestartKeepsOrDiscardsTheSessionLeftAndBeginsAgain) {
  Sandbox box;
  auto run =
      play_events(box, "key Enter\n" + reply(kAdvice[0]) + reply(kAdvice[1]) +
                           "key Escape\nclick dialog 2\nexpect dialog keep\nclick dialog 1\n"
                           "expect screen intro\nkey Enter\n" +
                           reply(kAdvice[2]) +
                           "key Escape\nclick dialog 2\nexpect dialog keep\nclick dialog 2\n"
                           "expect screen intro\nkey Enter\n" +
                           reply(kAdvice[0]) + reply(kAdvice[1]) + reply(kAdvice[2]) +
                           "key Enter\ntype 1\ntype 1\ntype 1\ntype 1\nkey Enter\nexpect screen debrief\n");
  ASSERT_EQ(run.output.status, 0) << run.output.err;
  ASSERT_EQ(run.records.size(), 2u) << "the kept first attempt and the finished third";
  std::size_t incomplete = run.records[0]["complete"] == false ? 0 : 1;
  const json& first = run.records[incomplete];
  const json& last = run.records[1 - incomplete];
  EXPECT_EQ(first["complete"], false);
  ASSERT_EQ(first["turns"].size(), 2u);
  EXPECT_EQ(first["turns"][1]["response"], kAdvice[1]);
  EXPECT_EQ(last["complete"], true);
  EXPECT_EQ(last["turns"].size(), 3u);
  EXPECT_EQ(last["turns"][0]["response"], kAdvice[0]) << "a restart begins at the first line";
  EXPECT_NE(first["id"], last["id"]);
  EXPECT_EQ(run.journals, 0u);
}

TEST(WindowFlows, RetryFromADebriefTurnReplaysTheTurnsBeforeItInANewRecord) {
  Sandbox box;
  const std::string other = "It sounds like part of you wants someone else to decide.";
  auto run =
      play_events(box, "key Enter\n" + reply(kAdvice[0]) + reply(kAdvice[1]) + reply(kAdvice[2]) +
                           "key Enter\ntype 2\ntype 2\ntype 2\ntype 2\nkey Enter\nexpect screen debrief\n"
                           "click debrief-turn 2\nexpect dialog retry\nkey Enter\n"
                           "expect screen conversation\n" +
                           reply(other) + "key Escape\nclick dialog 3\nclick dialog 1\n");
  ASSERT_EQ(run.output.status, 0) << run.output.err;
  ASSERT_EQ(run.records.size(), 2u) << run.output.err;
  std::size_t retry = run.records[0]["retry_of"].is_null() ? 1 : 0;
  const json& original = run.records[1 - retry];
  const json& again = run.records[retry];
  EXPECT_EQ(original["complete"], true);
  EXPECT_EQ(again["retry_of"], json({{"session", original["id"]}, {"turn", 1}}));
  EXPECT_EQ(again["complete"], false);
  ASSERT_EQ(again["turns"].size(), 2u);
  EXPECT_EQ(again["turns"][0], original["turns"][0]) << "the turn before is replayed as played";
  EXPECT_EQ(again["turns"][1]["response"], other);
  EXPECT_EQ(again["turns"][1]["latency_ms"], 5000);
}

TEST(WindowFlows, AnExamOffersRetryOnceItHasEndedByKeyboardToo) {
  Sandbox box;
  auto run = play_events(
      box,
      "key Enter\n" + reply(kAdvice[0]) + reply(kAdvice[1]) + reply(kAdvice[2]) +
          "key Enter\ntype 1\ntype 1\ntype 1\ntype 1\nkey Enter\nexpect screen debrief\n"
          "key Down\nkey Enter\nexpect dialog retry\nkey Enter\nexpect screen conversation\nclose\n",
      {"--mode", "exam"});
  ASSERT_EQ(run.output.status, 0) << run.output.err;
  ASSERT_EQ(run.records.size(), 2u) << run.output.err;
  std::size_t retry = run.records[0]["retry_of"].is_null() ? 1 : 0;
  EXPECT_EQ(run.records[retry]["retry_of"]["turn"], 0);
  EXPECT_EQ(run.records[retry]["mode"], "exam");
  EXPECT_EQ(run.records[retry]["turns"].size(), 0u);
}

TEST(WindowFlows, AMisfitEventScriptStopsWithItsLineAndKeepsTheTurns) {
  Sandbox box;
  auto run = play_events(box, "key Enter\n" + reply(kAdvice[0]) + "expect screen debrief\n");
  EXPECT_EQ(run.output.status, 1);
  EXPECT_NE(run.output.err.find("events.txt:5: expected the debrief screen"), std::string::npos)
      << run.output.err;
  ASSERT_EQ(run.records.size(), 1u);
  EXPECT_EQ(run.records[0]["turns"].size(), 1u);
}

}  // namespace
}  // namespace attune::e2e
