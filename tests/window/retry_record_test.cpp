// "Retry from here" keeps both attempts: the retry's record names the session and turn it
// retried from, and a resumed retry stays marked.
#include <gtest/gtest.h>

#include "attune/scoring/rubric.h"
#include "attune/simulator/file_io.h"
#include "attune/simulator/journal.h"
#include "attune/simulator/recorder.h"
#include "attune/simulator/scenario_loader.h"
#include "run_attune.h"

namespace attune::sim {
namespace {

TEST(RetryRecord, NamesTheSessionAndTurnRetriedFrom) {
  e2e::Sandbox box;
  auto loaded = load_scenario_file(ATTUNE_SOURCE_DIR "/scenarios/tell-me-what-to-do.yaml");
  ASSERT_TRUE(loaded.load.scenario);
  auto text = read_file(ATTUNE_SOURCE_DIR "/assets/rubrics/peer-support-v1.yaml", 1 << 20);
  auto rubric = scoring::load_rubric(*text.text, "rubric");
  ASSERT_TRUE(rubric.rubric);
  RecorderSetup setup{box.records().string(), "casey", &*rubric.rubric, "sha", "key"};

  Session session(*loaded.load.scenario, SessionMode::practice);
  SessionRecorder recorder(setup);
  recorder.set_retry_of({"20261125T000000Z-0000abcd", 2});
  ASSERT_FALSE(recorder.begin(session));
  auto played = session.submit(TurnInput::silent());
  ASSERT_FALSE(recorder.turn_played(*played.turn));

  // Resumed from its journal, it is still a retry.
  RecordsStore store(box.records().string());
  auto journal = read_journal(store.journal_path(recorder.session_id()));
  ASSERT_TRUE(journal.contents);
  Session again(*loaded.load.scenario, SessionMode::practice);
  ASSERT_FALSE(replay_journal(again, *journal.contents));
  SessionRecorder resumed(setup);
  ASSERT_FALSE(resumed.resume(again, *journal.contents));
  auto saved = resumed.finish(again, false);
  ASSERT_TRUE(saved.error.empty()) << saved.error;
  EXPECT_EQ(saved.record["retry_of"]["session"], "20261125T000000Z-0000abcd");
  EXPECT_EQ(saved.record["retry_of"]["turn"], 2);

  SessionRecorder fresh(setup);
  Session other(*loaded.load.scenario, SessionMode::practice);
  ASSERT_FALSE(fresh.begin(other));
  EXPECT_TRUE(fresh.finish(other, false).record["retry_of"].is_null());
}

}  // namespace
}  // namespace attune::sim
