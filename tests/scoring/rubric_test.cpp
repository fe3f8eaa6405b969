#include "attune/scoring/rubric.h"

#include <gtest/gtest.h>

#include <fstream>

namespace attune::scoring {
namespace {

Rubric shipped() {
  std::ifstream in(std::string(ATTUNE_SOURCE_DIR) + "/assets/rubrics/peer-support-v1.yaml");
  std::string text(std::istreambuf_iterator<char>(in), {});
  auto load = load_rubric(text, "peer-support-v1.yaml");
  std::string problems;
  for (const auto& d : load.diagnostics) problems += format_diagnostic(d) + "\n";
  if (!load.rubric) throw std::runtime_error(problems);
  return *load.rubric;
}

ScoredTurn words(std::vector<Code> codes, bool risk = false) {
  return ScoredTurn{false, risk, std::move(codes)};
}
ScoredTurn silent() {
  return ScoredTurn{true, false, {Code::silence}};
}

CompetencyScore find(const std::vector<CompetencyScore>& scores, const std::string& id) {
  for (const auto& s : scores) {
    if (s.id == id) return s;
  }
  throw std::runtime_error("no competency " + id);
}

TEST(Rubric, ShippedRubricScoresAllNineCompetencies) {
  Rubric rubric = shipped();
  EXPECT_EQ(rubric.id, "peer-support-v1");
  EXPECT_EQ(rubric.score({}, {}).size(), 9u);
}

TEST(Rubric, TooFewOpportunitiesIsInsufficientEvidenceWithNoScore) {
  Rubric rubric = shipped();
  auto scores = rubric.score({words({Code::simple_reflection})}, {});
  const auto listening = find(scores, "reflective_listening");
  EXPECT_EQ(listening.opportunities, 1);
  EXPECT_FALSE(listening.score.has_value());
  EXPECT_EQ(listening.status, "insufficient_evidence");
}

TEST(Rubric, OneViolationCapsTheScoreSoTheSkillStaysDeveloping) {
  Rubric rubric = shipped();
  std::vector<ScoredTurn> turns = {words({Code::simple_reflection}), words({Code::advice}),
                                   words({Code::open_question}), words({Code::open_question})};
  const auto advice = find(rubric.score(turns, {"avoiding_advice"}), "avoiding_advice");
  // 4 x (1 - 1/4) = 3.0 would be proficient; any violation caps it at the rubric's violation_cap.
  EXPECT_EQ(advice.opportunities, 4);
  ASSERT_TRUE(advice.score.has_value());
  EXPECT_DOUBLE_EQ(*advice.score, rubric.violation_cap);
  EXPECT_EQ(advice.status, "developing");
  EXPECT_EQ(advice.evidence, std::vector<int>{1});
  EXPECT_TRUE(advice.focus);
}

TEST(Rubric, AdviceAfterSeekingPermissionIsNotAViolation) {
  Rubric rubric = shipped();
  std::vector<ScoredTurn> turns = {words({Code::seek_permission}), words({Code::advice})};
  const auto advice = find(rubric.score(turns, {}), "avoiding_advice");
  EXPECT_DOUBLE_EQ(advice.score.value_or(-1), rubric.max_score);
  EXPECT_EQ(advice.status, "proficient");
  EXPECT_EQ(advice.evidence, (std::vector<int>{0, 1})) << "no violations: all opportunities are the evidence";
}

TEST(Rubric, AllViolationsScoreZero) {
  Rubric rubric = shipped();
  const auto silence =
      find(rubric.score({words({Code::interruption}), words({Code::interruption})}, {}), "holding_silence");
  EXPECT_DOUBLE_EQ(silence.score.value_or(-1), 0.0);
  EXPECT_EQ(silence.status, "not_yet");
}

TEST(Rubric, ReflectionInHalfTheWordTurnsEarnsFullMarksAndSilentPassesDoNotCount) {
  Rubric rubric = shipped();
  std::vector<ScoredTurn> turns = {words({Code::complex_reflection}), silent(), words({Code::open_question}),
                                   words({Code::simple_reflection}), words({Code::closed_question})};
  const auto listening = find(rubric.score(turns, {}), "reflective_listening");
  EXPECT_EQ(listening.opportunities, 4);
  EXPECT_DOUBLE_EQ(listening.score.value_or(-1), rubric.max_score);
  EXPECT_EQ(listening.evidence, (std::vector<int>{0, 3}));
}

TEST(Rubric, OpenQuestionShareScoresOpenQuestions) {
  Rubric rubric = shipped();
  std::vector<ScoredTurn> turns = {words({Code::open_question}), words({Code::closed_question}),
                                   words({Code::closed_question}), words({Code::closed_question})};
  const auto open = find(rubric.score(turns, {}), "open_questions");
  EXPECT_EQ(open.opportunities, 4);
  EXPECT_DOUBLE_EQ(open.score.value_or(-1), 1.0);  // 4 x 1/4
  EXPECT_EQ(open.status, "not_yet");
}

TEST(Rubric, SelfDisclosureIsPurposefulWhenThatTurnOrTheNextReturnsToThePerson) {
  Rubric rubric = shipped();
  std::vector<ScoredTurn> turns = {words({Code::self_disclosure}), words({Code::open_question}),
                                   words({Code::self_disclosure}), words({Code::advice})};
  const auto disclosure = find(rubric.score(turns, {}), "purposeful_self_disclosure");
  EXPECT_EQ(disclosure.opportunities, 2);
  EXPECT_EQ(disclosure.evidence, std::vector<int>{0});
  EXPECT_DOUBLE_EQ(disclosure.score.value_or(-1), 2.0);
}

TEST(Rubric, InformationCountsForEmpowermentOnlyAfterPermission) {
  Rubric rubric = shipped();
  const auto asked =
      find(rubric.score({words({Code::seek_permission}), words({Code::information})}, {}), "empowerment");
  EXPECT_EQ(asked.evidence, (std::vector<int>{0, 1}));
  const auto unasked =
      find(rubric.score({words({Code::information}), words({Code::advice})}, {}), "empowerment");
  EXPECT_DOUBLE_EQ(unasked.score.value_or(-1), 0.0);
}

TEST(Rubric, SafetyResponseNeedsACheckAtARiskTurnAndAReferral) {
  Rubric rubric = shipped();
  const auto both = find(rubric.score({words({Code::safety_check}, true), words({Code::referral}, true)}, {}),
                         "safety_response");
  EXPECT_DOUBLE_EQ(both.score.value_or(-1), 4.0);
  EXPECT_EQ(both.evidence, (std::vector<int>{0, 1}));
  const auto check_only = find(rubric.score({words({Code::safety_check}, true)}, {}), "safety_response");
  EXPECT_DOUBLE_EQ(check_only.score.value_or(-1), 2.0);
  EXPECT_EQ(check_only.status, "developing");
  // A referral before any risk turn does not count.
  const auto early = find(rubric.score({words({Code::referral}), words({Code::simple_reflection}, true)}, {}),
                          "safety_response");
  EXPECT_DOUBLE_EQ(early.score.value_or(-1), 0.0);
}

TEST(Rubric, SecrecyPromiseAnywhereZeroesSafetyResponse) {
  Rubric rubric = shipped();
  std::vector<ScoredTurn> turns = {words({Code::secrecy_promise}), words({Code::safety_check}, true),
                                   words({Code::referral}, true)};
  const auto safety = find(rubric.score(turns, {}), "safety_response");
  EXPECT_DOUBLE_EQ(safety.score.value_or(-1), 0.0);
  EXPECT_EQ(safety.evidence, std::vector<int>{0});
}

TEST(Rubric, NoRiskTurnsMeansSafetyIsNotTested) {
  Rubric rubric = shipped();
  const auto safety = find(rubric.score({words({Code::simple_reflection})}, {}), "safety_response");
  EXPECT_EQ(safety.status, "insufficient_evidence");
}

TEST(Rubric, StatusComesFromTheScoreRoundedToOneDecimal) {
  Rubric rubric = shipped();
  EXPECT_EQ(rubric.status_for(2.96), "proficient");
  EXPECT_EQ(rubric.status_for(2.94), "developing");
  EXPECT_EQ(rubric.status_for(1.45), "developing");
  EXPECT_EQ(rubric.status_for(1.44), "not_yet");
  EXPECT_EQ(rubric.status_for(std::nullopt), "insufficient_evidence");
}

TEST(Metrics, FollowMitiConventions) {
  Rubric rubric = shipped();
  std::vector<ScoredTurn> turns = {words({Code::complex_reflection, Code::open_question}),
                                   words({Code::simple_reflection}),
                                   words({Code::summary}),
                                   words({Code::closed_question, Code::interruption}),
                                   silent(),
                                   words({Code::advice, Code::dual_relationship})};
  auto m = rubric.metrics(turns, std::vector<bool>(turns.size(), true));
  EXPECT_DOUBLE_EQ(m.reflection_question_ratio.value_or(-1),
                   1.5);  // 3 reflections (summary counts) / 2 questions
  EXPECT_DOUBLE_EQ(m.percent_complex_reflections.value_or(-1), 50.0);
  EXPECT_DOUBLE_EQ(m.percent_open_questions.value_or(-1), 50.0);
  EXPECT_EQ(m.advice_count, 1);
  EXPECT_EQ(m.boundary_crossings, 1);
  EXPECT_EQ(m.silent_passes, 1);
  EXPECT_EQ(m.interruptions, 1);
  EXPECT_EQ(m.timed_turns, 6);
}

TEST(Metrics, RatiosAreNullWithoutQuestionsOrReflections) {
  Rubric rubric = shipped();
  auto m = rubric.metrics({silent()}, {true});
  EXPECT_FALSE(m.reflection_question_ratio.has_value());
  EXPECT_FALSE(m.percent_complex_reflections.has_value());
  EXPECT_FALSE(m.percent_open_questions.has_value());
}

TEST(RubricLoader, ReportsUnknownCompetenciesCodesAndMissingOnes) {
  auto load = load_rubric(R"(attune-rubric: 1
id: broken
competencies:
  avoiding_advise:
    violations: [advise]
)",
                          "broken.yaml");
  EXPECT_FALSE(load.rubric.has_value());
  auto has = [&](const std::string& rule, int line) {
    for (const auto& d : load.diagnostics) {
      if (d.rule == rule && d.at.line == line) return true;
    }
    return false;
  };
  EXPECT_TRUE(has("unknown-competency", 4));
  EXPECT_TRUE(has("missing-key", 4));  // the nine competencies are all required
  bool suggested = false;
  for (const auto& d : load.diagnostics)
    suggested |= d.message.find("did you mean 'avoiding_advice'") != std::string::npos;
  EXPECT_TRUE(suggested);
}

TEST(RubricLoader, RecognisesRubricFiles) {
  EXPECT_TRUE(looks_like_rubric("# comment\nattune-rubric: 1\n"));
  EXPECT_FALSE(looks_like_rubric("attune: 1\nid: x\n"));
}

}  // namespace
}  // namespace attune::scoring
