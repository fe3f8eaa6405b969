#include "attune/simulator/session.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace attune::sim {
namespace {

using scoring::has_code;
using testing::must_load;

const char* kFree = R"(attune: 1
id: engine-test
title: Engine test
client: {name: Lee}
vars: { trust: 0 }
start: opening
nodes:
  opening:
    client: I don't know what to do about my sister.
    space: 4s
    respond:
      - when: [advice]
        set: { trust: -1 }
        goto: hurt
      - when: [simple_reflection, complex_reflection]
        set: { trust: 2 }
        say: Yeah, exactly.
        goto: opens-up
      - when: [silence]
        goto: opens-up
    otherwise: opens-up
  opens-up:
    client: She keeps calling me at work.
    space: 3s
    respond:
      - when: [open_question]
        if: trust >= 2
        goto: good-end
    otherwise: hurt
  hurt:
    client: Okay. Never mind.
    end: true
    outcome: withdrew
  good-end:
    client: I think I'll talk to her this weekend.
    end: true
    outcome: engaged
)";

const char* kChoices = R"(attune: 1
id: choices-test
title: Choices test
mode: choices
client: {name: Lee}
start: ask
nodes:
  ask:
    client: Can we be friends outside of this?
    space: 2s
    choices:
      - text: It sounds like these talks matter a lot to you.
        goto: fine
      - text: Sure, let's grab coffee this weekend.
        codes: [dual_relationship]
        goto: crossed
  fine:
    client: They do.
    end: true
    outcome: engaged
  crossed:
    client: Great!
    end: true
    outcome: engaged
)";

TEST(Session, FirstMatchingRuleSetsVariablesSaysItsLineAndMovesOn) {
  Scenario scenario = must_load(kFree);
  Session session(scenario, SessionMode::practice);
  auto result = session.submit(TurnInput::reply("It sounds like your sister worries you."));
  ASSERT_NE(result.turn, nullptr) << result.error;
  EXPECT_EQ(result.turn->node, "opening");
  EXPECT_TRUE(has_code(result.turn->codes, scoring::Code::simple_reflection) ||
              has_code(result.turn->codes, scoring::Code::complex_reflection));
  EXPECT_EQ(result.turn->said.value_or(""), "Yeah, exactly.");
  EXPECT_EQ(session.vars().at("trust"), 2);
  EXPECT_EQ(session.current().id, "opens-up");
}

TEST(Session, EarlierRuleWinsOverLaterMatchingRules) {
  Scenario scenario = must_load(kFree);
  Session session(scenario, SessionMode::practice);
  auto result = session.submit(TurnInput::reply("You should just block her number."));
  ASSERT_NE(result.turn, nullptr);
  EXPECT_TRUE(has_code(result.turn->codes, scoring::Code::advice));
  EXPECT_EQ(session.vars().at("trust"), -1);
  EXPECT_TRUE(session.ended());
  EXPECT_EQ(session.outcome(), Outcome::withdrew);
}

TEST(Session, ConditionGatesARuleAndOtherwiseCatchesTheRest) {
  Scenario scenario = must_load(kFree);
  // Silence leaves trust at 0, so the open question at opens-up does not pass `trust >= 2`.
  Session quiet(scenario, SessionMode::practice);
  quiet.submit(TurnInput::silent());
  quiet.submit(TurnInput::reply("What would you like to happen with her?"));
  EXPECT_EQ(quiet.outcome(), Outcome::withdrew);

  Session reflective(scenario, SessionMode::practice);
  reflective.submit(TurnInput::reply("It sounds like your sister worries you."));
  reflective.submit(TurnInput::reply("What would you like to happen with her?"));
  EXPECT_EQ(reflective.outcome(), Outcome::engaged);
}

TEST(Session, SilentPassGetsOnlyTheSilenceCodeAndDefaultsToTheNodesSpace) {
  Scenario scenario = must_load(kFree);
  Session session(scenario, SessionMode::practice);
  auto result = session.submit(TurnInput::silent());
  ASSERT_NE(result.turn, nullptr);
  ASSERT_EQ(result.turn->codes.size(), 1u);
  EXPECT_EQ(result.turn->codes[0].code, scoring::Code::silence);
  EXPECT_FALSE(result.turn->codes[0].span.has_value());
  EXPECT_EQ(result.turn->silence_ms, 4000);
  EXPECT_FALSE(result.turn->latency_ms.has_value());
  EXPECT_FALSE(result.turn->response.has_value());
}

TEST(Session, ShortSilentPassIsNeverAnInterruption) {
  Scenario scenario = must_load(kFree);
  Session session(scenario, SessionMode::practice);
  auto result = session.submit(TurnInput::silent(500));
  ASSERT_NE(result.turn, nullptr);
  EXPECT_FALSE(has_code(result.turn->codes, scoring::Code::interruption));
  EXPECT_EQ(result.turn->silence_ms, 500);
}

TEST(Session, ReplyBeforeTheSpaceIsAnInterruptionAndAtTheSpaceIsNot) {
  Scenario scenario = must_load(kFree);
  Session early(scenario, SessionMode::practice);
  auto cut_in = early.submit(TurnInput::reply("It sounds like your sister worries you.", 3999));
  ASSERT_NE(cut_in.turn, nullptr);
  EXPECT_TRUE(has_code(cut_in.turn->codes, scoring::Code::interruption));
  EXPECT_EQ(cut_in.turn->latency_ms, 3999);

  Session on_time(scenario, SessionMode::practice);
  auto waited = on_time.submit(TurnInput::reply("It sounds like your sister worries you.", 4000));
  ASSERT_NE(waited.turn, nullptr);
  EXPECT_FALSE(has_code(waited.turn->codes, scoring::Code::interruption));
  EXPECT_FALSE(has_code(waited.turn->codes, scoring::Code::silence));

  Session unspecified(scenario, SessionMode::practice);
  auto at_space = unspecified.submit(TurnInput::reply("It sounds like your sister worries you."));
  EXPECT_EQ(at_space.turn->latency_ms, 4000);
  EXPECT_FALSE(has_code(at_space.turn->codes, scoring::Code::interruption));
}

TEST(Session, InterruptionCanRouteTheSession) {
  Scenario scenario = must_load(R"(attune: 1
id: t
title: T
client: {name: Lee}
start: a
nodes:
  a:
    client: Let me think for a second.
    space: 5s
    respond:
      - when: [interruption]
        goto: cut
    otherwise: ok
  cut:
    client: You didn't let me finish.
    end: true
    outcome: withdrew
  ok:
    client: Thanks for waiting.
    end: true
    outcome: engaged
)");
  Session session(scenario, SessionMode::practice);
  session.submit(TurnInput::reply("What are you thinking?", 1000));
  EXPECT_EQ(session.current().id, "cut");
}

TEST(Session, MisfitInputChangesNothing) {
  Scenario scenario = must_load(kFree);
  Session session(scenario, SessionMode::practice);
  auto result = session.submit(TurnInput::pick(1));
  EXPECT_EQ(result.turn, nullptr);
  EXPECT_NE(result.error.find("not a choice"), std::string::npos) << result.error;
  EXPECT_TRUE(session.turns().empty());
  EXPECT_EQ(session.current().id, "opening");
}

TEST(Session, ChoicesNodeRefusesRepliesAndOutOfRangeNumbers) {
  Scenario scenario = must_load(kChoices);
  Session session(scenario, SessionMode::practice);
  EXPECT_NE(session.submit(TurnInput::reply("hello")).error.find("[choice N]"), std::string::npos);
  EXPECT_NE(session.submit(TurnInput::silent()).error, "");
  EXPECT_NE(session.submit(TurnInput::pick(3)).error.find("out of range"), std::string::npos);
  EXPECT_NE(session.submit(TurnInput::pick(0)).error.find("out of range"), std::string::npos);
  EXPECT_TRUE(session.turns().empty());
}

TEST(Session, ChoiceWithAuthoredCodesScoresThemAndKeepsTheCodersBeside) {
  Scenario scenario = must_load(kChoices);
  Session session(scenario, SessionMode::practice);
  auto result = session.submit(TurnInput::pick(2, 3000));
  ASSERT_NE(result.turn, nullptr);
  ASSERT_EQ(result.turn->codes.size(), 1u);
  EXPECT_EQ(result.turn->codes[0].code, scoring::Code::dual_relationship);
  EXPECT_EQ(result.turn->codes[0].rule, "authored");
  EXPECT_FALSE(result.turn->codes[0].span.has_value());
  ASSERT_TRUE(result.turn->coder_codes.has_value());
  EXPECT_EQ(result.turn->response, "Sure, let's grab coffee this weekend.");
  EXPECT_EQ(result.turn->choice, 2);
  EXPECT_EQ(session.current().id, "crossed");
}

TEST(Session, ChoiceWithoutAuthoredCodesIsCodedFromItsText) {
  Scenario scenario = must_load(kChoices);
  Session session(scenario, SessionMode::practice);
  auto result = session.submit(TurnInput::pick(1, 1000));
  ASSERT_NE(result.turn, nullptr);
  EXPECT_FALSE(result.turn->coder_codes.has_value());
  EXPECT_TRUE(has_code(result.turn->codes, scoring::Code::simple_reflection) ||
              has_code(result.turn->codes, scoring::Code::complex_reflection));
  EXPECT_TRUE(has_code(result.turn->codes, scoring::Code::interruption));  // 1 s < 2 s of space
}

TEST(Session, NoTurnAfterTheEnd) {
  Scenario scenario = must_load(kChoices);
  Session session(scenario, SessionMode::practice);
  session.submit(TurnInput::pick(1));
  ASSERT_TRUE(session.ended());
  auto result = session.submit(TurnInput::pick(1));
  EXPECT_EQ(result.turn, nullptr);
  EXPECT_NE(result.error.find("ended"), std::string::npos);
}

TEST(Session, CoachNoteNamesTheEvidenceAndOffersAModelResponseWhenTheTurnFellShort) {
  Scenario scenario = must_load(R"(attune: 1
id: t
title: T
client: {name: Lee}
start: a
nodes:
  a:
    client: What should I do?
    model_responses:
      - It's a hard call, and it's yours to make.
    otherwise: b
  b:
    client: Okay.
    end: true
    outcome: engaged
)");
  Session session(scenario, SessionMode::practice);
  auto result = session.submit(TurnInput::reply("You should quit your job."));
  ASSERT_TRUE(result.turn->feedback.has_value());
  const std::string& note = *result.turn->feedback;
  EXPECT_NE(note.find("advice"), std::string::npos) << note;
  EXPECT_NE(note.find("It's a hard call, and it's yours to make."), std::string::npos) << note;
}

TEST(Session, InvalidUtf8InAReplyIsReplacedSoTheRecordStaysValidJson) {
  Scenario scenario = must_load(kFree);
  Session session(scenario, SessionMode::practice);
  auto result = session.submit(TurnInput::reply("It sounds like \xff hard."));
  ASSERT_NE(result.turn, nullptr);
  EXPECT_EQ(*result.turn->response, "It sounds like \xEF\xBF\xBD hard.");
}

}  // namespace
}  // namespace attune::sim
