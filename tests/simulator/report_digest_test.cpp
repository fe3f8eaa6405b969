#include "attune/simulator/report_digest.h"

#include <gtest/gtest.h>

namespace attune::sim {
namespace {

ReviewedSession sample_view() {
  ReviewedSession v;
  v.id = "s-1";
  v.trainee = "ana";
  v.scenario_id = "tell-me-what-to-do";
  v.scenario_title = "Just tell me what to do, \"please\"";
  v.mode = "practice";
  v.started = "2026-11-01T00:00:00Z";
  v.ended = "2026-11-01T00:20:00Z";
  v.complete = true;
  v.outcome = std::nullopt;
  v.practice_seconds = 1200;
  v.untimed = true;
  v.automatic = {{"avoiding_advice", 2.5, "developing", 4, {0, 2, 3}, true},
                 {"safety_response", std::nullopt, "insufficient_evidence", 0, {}, false}};
  v.corrected = v.automatic;
  v.automatic_codes = {{"closed_question"}, {}, {"advice", "simple_reflection"}};
  v.corrected_codes = v.automatic_codes;
  v.self_rating = std::map<std::string, int>{{"avoiding_advice", 3}};
  return v;
}

struct Fixture {
  SessionFile session{"s-1 in postgresql://db", "ana", "s-1"};
  std::string record_sha256 = std::string(64, 'a');
  std::string rubric_sha256 = std::string(64, 'b');
  DigestBinding binding() const { return {&session, record_sha256, rubric_sha256}; }
};

TEST(ReportDigest, GivesBackTheViewItWasMadeFrom) {
  Fixture f;
  ReviewedSession view = sample_view();
  auto digest = make_report_digest(view, f.binding(), "key");
  auto back = read_report_digest(digest.text, digest.hmac, f.binding(), "key");
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->id, view.id);
  EXPECT_EQ(back->trainee, view.trainee);
  EXPECT_EQ(back->scenario_title, view.scenario_title);
  EXPECT_EQ(back->started, view.started);
  EXPECT_EQ(back->ended, view.ended);
  EXPECT_EQ(back->outcome, std::nullopt);
  EXPECT_EQ(back->practice_seconds, 1200);
  EXPECT_TRUE(back->untimed);
  EXPECT_EQ(back->self_rating, view.self_rating);
  ASSERT_EQ(back->automatic.size(), 2u);
  EXPECT_EQ(back->automatic[0].score, std::optional<double>(2.5));
  EXPECT_EQ(back->automatic[0].evidence, (std::vector<int>{0, 2, 3}));
  EXPECT_TRUE(back->automatic[0].focus);
  EXPECT_EQ(back->automatic[1].score, std::nullopt);
  EXPECT_EQ(back->automatic[1].status, "insufficient_evidence");
  EXPECT_EQ(back->corrected.size(), 2u);
  EXPECT_TRUE(back->automatic_codes.empty());  // the CSV does not read them
  EXPECT_TRUE(back->reviews.empty());
}

TEST(ReportDigest, AnswersOnlyForItsSessionRecordTextRubricAndKey) {
  Fixture f;
  auto digest = make_report_digest(sample_view(), f.binding(), "key");
  EXPECT_FALSE(read_report_digest(digest.text, digest.hmac, f.binding(), "another key").has_value());

  Fixture other_record = f;
  other_record.record_sha256 = std::string(64, 'c');
  EXPECT_FALSE(read_report_digest(digest.text, digest.hmac, other_record.binding(), "key").has_value());

  Fixture other_rubric = f;
  other_rubric.rubric_sha256 = std::string(64, 'c');
  EXPECT_FALSE(read_report_digest(digest.text, digest.hmac, other_rubric.binding(), "key").has_value());

  Fixture other_session = f;
  other_session.session.id = "s-2";
  EXPECT_FALSE(read_report_digest(digest.text, digest.hmac, other_session.binding(), "key").has_value());

  Fixture other_trainee = f;
  other_trainee.session.trainee = "ben";
  EXPECT_FALSE(read_report_digest(digest.text, digest.hmac, other_trainee.binding(), "key").has_value());
}

TEST(ReportDigest, AnAlteredTextIsNotRead) {
  Fixture f;
  auto digest = make_report_digest(sample_view(), f.binding(), "key");
  auto at = digest.text.find("developing");
  ASSERT_NE(at, std::string::npos);
  digest.text.replace(at, 10, "proficient");
  EXPECT_FALSE(read_report_digest(digest.text, digest.hmac, f.binding(), "key").has_value());
  digest.text = "{";
  EXPECT_FALSE(read_report_digest(digest.text, digest.hmac, f.binding(), "key").has_value());
}

}  // namespace
}  // namespace attune::sim
