#include "attune/scoring/agreement.h"

#include <gtest/gtest.h>

namespace attune::scoring {
namespace {

std::vector<std::pair<std::string, std::string>> repeat(const std::string& gold, const std::string& predicted,
                                                        int n) {
  return std::vector<std::pair<std::string, std::string>>(static_cast<std::size_t>(n), {gold, predicted});
}

TEST(Agreement, CohensKappaOfATextbookTable) {
  // Two raters, 50 items: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no.
  // Observed 0.7; expected 0.5 x 0.6 + 0.5 x 0.4 = 0.5; kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
  std::vector<std::pair<std::string, std::string>> pairs;
  for (auto part :
       {repeat("yes", "yes", 20), repeat("yes", "no", 5), repeat("no", "yes", 10), repeat("no", "no", 15)}) {
    pairs.insert(pairs.end(), part.begin(), part.end());
  }
  auto a = agreement("labels", pairs);
  EXPECT_EQ(a.n, 50);
  EXPECT_NEAR(a.accuracy, 0.7, 1e-12);
  EXPECT_NEAR(a.kappa, 0.4, 1e-12);
  EXPECT_NEAR(a.per_label["yes"].precision, 20.0 / 30.0, 1e-12);
  EXPECT_NEAR(a.per_label["yes"].recall, 20.0 / 25.0, 1e-12);
  EXPECT_EQ(a.confusion["no"]["yes"], 10);
  double f1_yes = 2 * (20.0 / 30) * (20.0 / 25) / ((20.0 / 30) + (20.0 / 25));
  double f1_no = 2 * (15.0 / 20) * (15.0 / 25) / ((15.0 / 20) + (15.0 / 25));
  EXPECT_NEAR(a.macro_f1, (f1_yes + f1_no) / 2, 1e-12);
}

TEST(Agreement, PerfectAgreementIsKappaOne) {
  auto a = agreement("labels", {{"a", "a"}, {"b", "b"}, {"a", "a"}});
  EXPECT_DOUBLE_EQ(a.kappa, 1.0);
  EXPECT_DOUBLE_EQ(a.macro_f1, 1.0);
}

TEST(LabelMapping, FollowsTheDataReadme) {
  const std::vector<std::string> annomi = {
      "open_question", "closed_question", "simple_reflection", "complex_reflection", "information", "advice",
      "other"};
  const std::vector<std::string> esconv = {"question",
                                           "simple_reflection",
                                           "complex_reflection",
                                           "self_disclosure",
                                           "affirmation_or_reassurance",
                                           "advice",
                                           "information",
                                           "other"};
  // Fine labels match themselves.
  EXPECT_EQ(label_for(Code::open_question, "open_question", annomi), "open_question");
  // A summary matches either reflection label.
  EXPECT_EQ(label_for(Code::summary, "simple_reflection", annomi), "simple_reflection");
  EXPECT_EQ(label_for(Code::summary, "complex_reflection", esconv), "complex_reflection");
  // Coarse ESConv labels.
  EXPECT_EQ(label_for(Code::closed_question, "question", esconv), "question");
  EXPECT_EQ(label_for(Code::reassurance, "other", esconv), "affirmation_or_reassurance");
  EXPECT_EQ(label_for(Code::affirmation, "affirmation_or_reassurance", esconv), "affirmation_or_reassurance");
  // Corpus-relative `other`: AnnoMI has no disclosure or affirmation labels, ESConv does.
  EXPECT_EQ(label_for(Code::self_disclosure, "other", annomi), "other");
  EXPECT_EQ(label_for(Code::affirmation, "other", annomi), "other");
  EXPECT_EQ(label_for(Code::self_disclosure, "other", esconv), "self_disclosure");
  EXPECT_EQ(label_for(Code::filler, "other", esconv), "other");
  EXPECT_EQ(label_for(Code::emphasize_autonomy, "advice", annomi), "other");
}

TEST(LabelFor, ACorpusWithoutThePrimarysLabelTakesTheNextCodeItCanName) {
  const std::vector<std::string> annomi = {
      "open_question", "closed_question", "simple_reflection", "complex_reflection", "information", "advice",
      "other"};
  const std::vector<std::string> esconv = {
      "question", "simple_reflection", "complex_reflection", "affirmation_or_reassurance", "advice", "other"};
  const std::vector<Code> praise_then_reflection{Code::affirmation, Code::complex_reflection, Code::other};
  EXPECT_EQ(label_for_ranking(praise_then_reflection, "complex_reflection", annomi), "complex_reflection");
  EXPECT_EQ(label_for_ranking(praise_then_reflection, "complex_reflection", esconv),
            "affirmation_or_reassurance");
  // Nothing nameable: the corpus-relative `other`, as before.
  EXPECT_EQ(label_for_ranking({Code::affirmation, Code::other}, "other", annomi), "other");
  EXPECT_EQ(label_for_ranking({Code::filler, Code::advice, Code::other}, "other", annomi), "other");
}

TEST(AgreementViews, AnnomiGetsCollapsedReflectionsAndMainBehaviours) {
  auto views = agreement_views({{"simple_reflection", {Code::complex_reflection}},
                                {"open_question", {Code::closed_question}},
                                {"advice", {Code::information}},
                                {"other", {Code::filler}},
                                {"complex_reflection", {Code::complex_reflection}},
                                {"closed_question", {Code::closed_question}},
                                {"information", {Code::information}}});
  ASSERT_EQ(views.size(), 3u);
  EXPECT_EQ(views[0].view, "labels");
  EXPECT_NEAR(views[0].accuracy, 4.0 / 7, 1e-12);
  EXPECT_EQ(views[1].view, "reflections_collapsed");
  EXPECT_NEAR(views[1].accuracy, 5.0 / 7, 1e-12);
  EXPECT_EQ(views[2].view, "main_behaviours");
  EXPECT_NEAR(views[2].accuracy, 1.0, 1e-12);
}

TEST(AgreementViews, CoarseQuestionLabelsGetNoMainBehaviourView) {
  auto views = agreement_views({{"question", {Code::open_question}}, {"other", {Code::filler}}});
  EXPECT_EQ(views.size(), 2u);
  EXPECT_DOUBLE_EQ(views[0].accuracy, 1.0);
}

}  // namespace
}  // namespace attune::scoring
