// The remembered text scale and the offer to continue an unfinished session, driven through the
// window's event handler by window event scripts.
#include <gtest/gtest.h>

#include "attune/scoring/rubric.h"
#include "attune/simulator/file_io.h"
#include "attune/simulator/recorder.h"
#include "attune/simulator/scenario_loader.h"
#include "window_flows.h"

namespace attune::e2e {
namespace {

using nlohmann::json;

double text_scale(const Sandbox& box) {
  return json::parse(slurp(box.root() / "config" / "attune" / "window.json"))["text_scale"].get<double>();
}

TEST(WindowSettings, CtrlPlusAndMinusScaleTheTextAndAreRemembered) {
  Sandbox box;
  // Mid-reply: the '=' X11 sends with Ctrl+= must not be typed into the reply.
  auto first =
      play_events(box, "key Enter\nwait 5s\ntype " + std::string(kAdvice[0]) +
                           "\nkey Ctrl+Equal\nkey Ctrl+Equal\nkey Enter\nkey Escape\nclick dialog 3\n"
                           "click dialog 1\n");
  ASSERT_EQ(first.output.status, 0) << first.output.err;
  EXPECT_NEAR(text_scale(box), 1.2, 1e-6);
  ASSERT_EQ(first.records.size(), 1u);
  EXPECT_EQ(first.records[0]["turns"][0]["response"], kAdvice[0]);

  // The next window starts at 1.2: one step down is 1.1.
  auto second = play_events(box, "key Ctrl+Hyphen\nclose\n");
  ASSERT_EQ(second.output.status, 0) << second.output.err;
  EXPECT_NEAR(text_scale(box), 1.1, 1e-6);

  // Clamped at the largest size, however often it is asked for.
  std::string many;
  for (int i = 0; i < 12; ++i) many += "key Ctrl+Equal\n";
  auto third = play_events(box, many + "close\n");
  ASSERT_EQ(third.output.status, 0) << third.output.err;
  EXPECT_NEAR(text_scale(box), 1.6, 1e-6);
}

class WindowResume : public ::testing::Test {
 protected:
  // An unfinished session of `trainee` with the first advice reply journaled, as a crash leaves it.
  std::string leave_unfinished(const std::string& trainee) {
    auto loaded = sim::load_scenario_file(ATTUNE_SOURCE_DIR "/scenarios/tell-me-what-to-do.yaml");
    EXPECT_TRUE(loaded.load.scenario);
    auto text = sim::read_file(ATTUNE_SOURCE_DIR "/assets/rubrics/peer-support-v1.yaml", 1 << 20);
    rubric_ = scoring::load_rubric(*text.text, "rubric");
    scenario_ = std::move(loaded.load.scenario);
    sim::RecorderSetup setup{box.records().string(), trainee, &*rubric_.rubric, "sha", "key"};
    sim::Session session(*scenario_, sim::SessionMode::practice);
    sim::SessionRecorder recorder(setup);
    EXPECT_FALSE(recorder.begin(session));
    auto played = session.submit(sim::TurnInput::reply(kAdvice[0], 5000));
    EXPECT_FALSE(recorder.turn_played(*played.turn));
    return recorder.session_id();
  }

  Sandbox box;
  scoring::RubricLoad rubric_;
  std::optional<sim::Scenario> scenario_;
};

TEST_F(WindowResume, ContinuingKeepsTheSessionIdAndItsTurns) {
  std::string id = leave_unfinished("casey");
  auto run = play_events(box, "expect dialog resume\nkey Enter\nexpect screen conversation\n" +
                                  reply(kAdvice[1]) + reply(kAdvice[2]) +
                                  "key Enter\ntype 4\ntype 3\ntype 2\ntype 1\nkey Enter\n"
                                  "expect screen debrief\n");
  ASSERT_EQ(run.output.status, 0) << run.output.err;
  ASSERT_EQ(run.records.size(), 1u) << run.output.err;
  const json& record = run.records[0];
  EXPECT_EQ(record["id"], id);
  EXPECT_EQ(record["complete"], true);
  ASSERT_EQ(record["turns"].size(), 3u);
  EXPECT_EQ(record["turns"][0]["response"], kAdvice[0]);
  EXPECT_EQ(record["turns"][0]["latency_ms"], 5000);
  EXPECT_EQ(record["turns"][2]["response"], kAdvice[2]);
  EXPECT_EQ(record["self_rating"]["avoiding_advice"], 4);
  EXPECT_EQ(run.journals, 0u);
}

TEST_F(WindowResume, StartingANewSessionLeavesTheUnfinishedOneForLater) {
  std::string id = leave_unfinished("casey");
  auto run = play_events(box,
                         "expect dialog resume\nclick dialog 2\nexpect dialog none\nexpect screen intro\n"
                         "key Enter\n" +
                             reply(kAdvice[0]) + "close\n");
  ASSERT_EQ(run.output.status, 0) << run.output.err;
  ASSERT_EQ(run.records.size(), 1u);
  EXPECT_NE(run.records[0]["id"], id);
  EXPECT_EQ(run.records[0]["complete"], false);
  EXPECT_EQ(run.journals, 1u) << "the unfinished session is still there";
}

TEST_F(WindowResume, ClosingAtTheOfferLeavesOnlyTheUnfinishedSession) {
  leave_unfinished("casey");
  auto run = play_events(box, "expect dialog resume\nclose\n");
  ASSERT_EQ(run.output.status, 0) << run.output.err;
  EXPECT_TRUE(run.records.empty());
  EXPECT_EQ(run.journals, 1u) << "no empty session begun for the offer is left behind";
}

TEST_F(WindowResume, AnotherTraineesSessionIsNotOffered) {
  leave_unfinished("robin");
  auto run = play_events(box, "expect dialog none\nexpect screen intro\nclose\n");
  ASSERT_EQ(run.output.status, 0) << run.output.err;
  EXPECT_EQ(run.journals, 1u);
}

}  // namespace
}  // namespace attune::e2e
