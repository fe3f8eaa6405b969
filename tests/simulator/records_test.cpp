#include "attune/simulator/records.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <fstream>
#include <functional>

#include "attune/simulator/file_io.h"
#include "attune/simulator/plain_json.h"
#include "attune/simulator/recorder.h"
#include "attune/simulator/rescoring.h"
#include "attune/simulator/sha256.h"
#include "attune/simulator/signed_text.h"
#include "test_support.h"

namespace attune::sim {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

const char* kScenario = R"(attune: 1
id: records-test
title: Records test
competencies: [reflective_listening]
client: {name: Lee}
start: a
nodes:
  a:
    client: I've had a rough week.
    space: 2s
    otherwise: b
  b:
    client: Thanks for listening.
    end: true
    outcome: engaged
)";

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

unsigned mode_of(const fs::path& path) {
  struct stat st {};
  ::stat(path.c_str(), &st);
  return st.st_mode & 0777;
}

scoring::Rubric shipped_rubric() {
  auto text = read_file(std::string(ATTUNE_SOURCE_DIR) + "/assets/rubrics/peer-support-v1.yaml", 1 << 20);
  auto load = scoring::load_rubric(text.text.value_or(""), "peer-support-v1.yaml");
  if (!load.rubric) throw std::runtime_error("the shipped rubric did not load");
  return *load.rubric;
}

// RFC 4231 test cases 1 and 2, in turns: the per-thread context must be re-keyed when the key
// changes and give the same answer when it does not.
TEST(Hashes, HmacSha256MatchesRfc4231WhateverWasKeyedBefore) {
  const std::string key1(20, '\x0b');
  const char* expected1 = "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7";
  const char* expected2 = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
  for (int round = 0; round < 2; ++round) {
    EXPECT_EQ(hmac_sha256_hex(key1, "Hi There"), expected1);
    EXPECT_EQ(hmac_sha256_hex(key1, "Hi There"), expected1);
    EXPECT_EQ(hmac_sha256_hex("Jefe", "what do ya want for nothing?"), expected2);
  }
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(AtomicWrite, WritesAPrivateFileAndLeavesNoTempFiles) {
  TempDir dir;
  auto path = dir.path() / "record.json";
  ASSERT_EQ(write_file_atomically(path.string(), "{\"a\": 1}\n"), std::nullopt);
  EXPECT_EQ(slurp(path), "{\"a\": 1}\n");
  EXPECT_EQ(mode_of(path), 0600u);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
}

TEST(AtomicWrite, AFailedWriteLeavesThePreviousFileIntact) {
  TempDir dir;
  auto path = dir.path() / "record.json";
  ASSERT_EQ(write_file_atomically(path.string(), "previous"), std::nullopt);
  // Make the write itself fail, even as root: a file-size limit below the new contents.
  auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit saved{};
  ::getrlimit(RLIMIT_FSIZE, &saved);
  rlimit tiny = saved;
  tiny.rlim_cur = 1024;
  ::setrlimit(RLIMIT_FSIZE, &tiny);
  auto error = write_file_atomically(path.string(), std::string(1 << 20, 'x'));
  ::setrlimit(RLIMIT_FSIZE, &saved);
  std::signal(SIGXFSZ, old_handler);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(slurp(path), "previous");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1)
      << "the temp file must be removed";
}

TEST(AtomicWrite, RemovesTempFilesOfKilledWritersButNotOfLiveOnes) {
  TempDir dir;
  auto path = dir.path() / "alex.progress.json";
  // A writer that is gone: a child that has exited and been reaped.
  const pid_t gone = ::fork();
  if (gone == 0) ::_exit(0);
  ::waitpid(gone, nullptr, 0);
  const auto abandoned = dir.path() / (".alex.progress.json.tmp-" + std::to_string(gone) + "-1");
  const auto in_flight = dir.path() / (".alex.progress.json.tmp-" + std::to_string(::getpid()) + "-2");
  const auto other_file = dir.path() / (".bob.progress.json.tmp-" + std::to_string(gone) + "-3");
  for (const auto& p : {abandoned, in_flight, other_file}) std::ofstream(p) << "partial";
  ASSERT_EQ(write_file_atomically(path.string(), "{}\n"), std::nullopt);
  EXPECT_FALSE(fs::exists(abandoned)) << "a killed writer's temp file is cleaned up";
  EXPECT_TRUE(fs::exists(in_flight)) << "a live writer's temp file is left alone";
  EXPECT_TRUE(fs::exists(other_file)) << "only temps of the file being written are touched";
}

TEST(AtomicWrite, ReportsAnUnwritableDirectory) {
  EXPECT_TRUE(write_file_atomically("/proc/attune-cannot-write-here/x.json", "x").has_value());
}

TEST(PrivateDir, LeavesAnExistingSharedDirectoryAloneUnlessAskedToTighten) {
  TempDir dir;
  auto shared = dir.path() / "shared";
  fs::create_directories(shared);
  ::chmod(shared.c_str(), 01777);
  ASSERT_EQ(make_private_dir(shared.string()), std::nullopt);
  EXPECT_EQ(mode_of(shared), 0777u) << "a directory the user named is not ours to change";
  ASSERT_EQ(make_private_dir(shared.string(), true), std::nullopt);
  EXPECT_EQ(mode_of(shared), 0700u);
}

TEST(PrivateDir, CreatesParentsWithMode0700) {
  TempDir dir;
  auto nested = dir.path() / "a" / "b";
  ASSERT_EQ(make_private_dir(nested.string()), std::nullopt);
  EXPECT_EQ(mode_of(nested), 0700u);
  EXPECT_EQ(mode_of(dir.path() / "a"), 0700u);
}

TEST(Signature, DetectsAnyChangeMadeWithoutTheKey) {
  nlohmann::json record = {{"id", "x"}, {"turns", nlohmann::json::array({{{"codes", {"advice"}}}})}};
  sign_record(record, "programme key");
  EXPECT_TRUE(record_signature_ok(record, "programme key"));
  EXPECT_FALSE(record_signature_ok(record, "another key"));
  auto edited = record;
  edited["turns"][0]["codes"][0] = "simple_reflection";
  EXPECT_FALSE(record_signature_ok(edited, "programme key"));
  // Computed over the compact key-sorted dump, so any JSON library can recompute it.
  auto body = record;
  body.erase("integrity");
  EXPECT_EQ(record["integrity"]["hmac_sha256"], hmac_sha256_hex("programme key", body.dump()));
}

// The quick check reads the signed text straight from the file as attune writes it (dump(2)).
TEST(Signature, TheSignedTextIsReadFromTheFileAsWritten) {
  nlohmann::json record = {{"id", "x"},
                           {"a", "text with \"integrity\": {} and \\ inside"},
                           {"turns", nlohmann::json::array({{{"codes", {"advice"}}, {"integrity", 1}}})},
                           {"z", {{"n", 1.5}, {"list", nlohmann::json::array()}}}};
  sign_record(record, "programme key");
  auto body = record;
  body.erase("integrity");
  for (int indent : {-1, 1, 2, 4}) {
    std::string text = record.dump(indent) + "\n";
    EXPECT_EQ(signed_text_of(text, 16), body.dump()) << "indent " << indent;
    EXPECT_TRUE(record_signature_ok_as_written(text, record, "programme key")) << "indent " << indent;
    EXPECT_FALSE(record_signature_ok_as_written(text, record, "another key"));
  }
  // The "integrity" member first, last or alone.
  EXPECT_EQ(signed_text_of(R"({"integrity":{"h":"1"},"b":2})", 16), R"({"b":2})");
  EXPECT_EQ(signed_text_of(R"({"a":1,"integrity":{"h":"1"}})", 16), R"({"a":1})");
  EXPECT_EQ(signed_text_of(R"( {"integrity":{"h":"1"}} )", 16), "{}");
  // Not a record attune wrote: the slow path decides.
  EXPECT_EQ(signed_text_of(R"({"a":{"integrity":1}})", 16), std::nullopt) << "only a nested one";
  EXPECT_EQ(signed_text_of(R"({"integrity":1,"integrity":2})", 16), std::nullopt) << "twice";
  EXPECT_EQ(signed_text_of(R"({"integrity":1} x)", 16), std::nullopt) << "text after the object";
  EXPECT_EQ(signed_text_of(R"([{"integrity":1}])", 16), std::nullopt) << "not an object";
  EXPECT_EQ(signed_text_of(R"({"integrity":1,"a":"unterminated})", 16), std::nullopt);
  EXPECT_EQ(signed_text_of(R"({"integrity":1,"a":[[[1]]]})", 3), std::nullopt) << "deeper than allowed";
  // An edited record fails the quick check as well as the full one.
  auto spaced = record;
  spaced["a"] = "changed";
  EXPECT_FALSE(record_signature_ok_as_written(spaced.dump(2), spaced, "programme key"));
}

// The quick reader must build exactly what nlohmann builds (types included: a span's numbers are
// unsigned), and leave everything unusual to nlohmann.
bool same_tree(const nlohmann::json& a, const nlohmann::json& b) {
  if (a.type() != b.type()) return false;
  if (a.is_object()) {
    if (a.size() != b.size()) return false;
    for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j) {
      if (i.key() != j.key() || !same_tree(*i, *j)) return false;
    }
    return true;
  }
  if (a.is_array()) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!same_tree(a[i], b[i])) return false;
    }
    return true;
  }
  return a == b;
}

TEST(PlainJson, BuildsWhatNlohmannBuilds) {
  for (std::string text :
       {R"({"a":[1,-2,0,3.5,-1e3,2E-2,1.0,18446744073709551615,-9223372036854775808],"b":null})",
        "{\n  \"s\": \"tab\\t nl\\n quote\\\" slash\\/ back\\\\ \\b\\f\\r\",\n  \"t\": true, \"u\": false\n}",
        R"({"utf8":"café — “quoted” 😀 ","e":{},"l":[],"n":[[],[{}]]})", R"({"a":"\u00e9\ud83d\ude00"})", "[]",
        "\"x\"", "7", " null "}) {
    auto quick = parse_plain_json(text);
    ASSERT_TRUE(quick.has_value()) << text;
    EXPECT_TRUE(same_tree(*quick, nlohmann::json::parse(text))) << text;
  }
  auto spans = parse_plain_json(R"({"span":[0,5]})");
  ASSERT_TRUE(spans);
  EXPECT_TRUE((*spans)["span"][0].is_number_unsigned());
  for (std::string text :
       {R"({"a":1,"a":2})", R"({"a":01})", R"({"a":1,})", R"({"a":18446744073709551616})",
        R"({"a":-9223372036854775809})", R"({"a":1e999})", "{\"a\":\"\x01\"}", "{\"a\":\"\xC0\xAF\"}",
        "{\"a\":\"\xED\xA0\x80\"}", "{\"a\":\"\xF4\x90\x80\x80\"}", "{\"a\":\"\xE2\x82\"}", "\xEF\xBB\xBF{}",
        "{} x", R"({"a":.5})", R"({"a":1.})", R"({"a":tru})", R"({"a" 1})", "", "[1,2"}) {
    EXPECT_EQ(parse_plain_json(text), std::nullopt) << text;
  }
  std::string deep(70, '[');
  deep += std::string(70, ']');
  EXPECT_EQ(parse_plain_json(deep), std::nullopt) << "deeper than 64";
  // A real record, as attune writes it.
  Scenario scenario = testing::must_load(kScenario);
  scoring::Rubric rubric = shipped_rubric();
  Session session(scenario, SessionMode::practice);
  session.submit(TurnInput::reply("It sounds like the week wore you down — “truly”."));
  RecordMeta meta;
  meta.id = "s1";
  meta.trainee = "sam";
  meta.started = "2026-01-01T10:00:00Z";
  nlohmann::json record = session_record(session, rubric, meta);
  sign_record(record, "k");
  std::string text = record.dump(2) + "\n";
  auto quick = parse_plain_json(text);
  ASSERT_TRUE(quick);
  EXPECT_TRUE(same_tree(*quick, nlohmann::json::parse(text)));
}

// verify's re-derivation: re-coding the turns must give each recorded code's name, span and rule.
TEST(Rederivation, NamesATurnWhoseCodeNameSpanOrRuleWasEdited) {
  Scenario scenario = testing::must_load(kScenario);
  scoring::Rubric rubric = shipped_rubric();
  Session session(scenario, SessionMode::practice);
  session.submit(TurnInput::reply("It sounds like the week wore you down."));
  RecordMeta meta;
  meta.id = "s1";
  meta.trainee = "sam";
  meta.started = "2026-01-01T10:00:00Z";
  nlohmann::json record = session_record(session, rubric, meta);
  ASSERT_FALSE(record["turns"][0]["codes"].empty());
  EXPECT_EQ(rederivation_differences(record, scenario, rubric), std::vector<std::string>{});
  auto edited = [&](const std::function<void(nlohmann::json&)>& edit) {
    nlohmann::json copy = record;
    edit(copy["turns"][0]["codes"][0]);
    auto differences = rederivation_differences(copy, scenario, rubric);
    return !differences.empty() && differences.front().starts_with("turn 0: recorded [");
  };
  EXPECT_TRUE(edited([](nlohmann::json& c) { c["code"] = "advice"; }));
  EXPECT_TRUE(edited([](nlohmann::json& c) { c["rule"] = "another-rule"; }));
  EXPECT_TRUE(edited([](nlohmann::json& c) { c["span"] = nlohmann::json::array({0, 1}); }));
  EXPECT_TRUE(edited([](nlohmann::json& c) { c.erase("rule"); }));
  EXPECT_FALSE(edited([](nlohmann::json& c) { c["confidence"] = 0.1; })) << "confidences are not compared";
}

TEST(Recorder, WritesASignedPrivateRecordWithTheScenarioCopyAndRemovesTheJournal) {
  TempDir temp;
  const fs::path root = temp.path() / "records";  // made by the recorder
  Scenario scenario = testing::must_load(kScenario);
  scoring::Rubric rubric = shipped_rubric();
  SessionRecorder recorder({root.string(), "sam", &rubric, "rubric-sha", "k"});
  Session session(scenario, SessionMode::practice);
  ASSERT_EQ(recorder.begin(session), std::nullopt);
  auto journal = root / "journal" / (recorder.session_id() + ".jsonl");
  ASSERT_TRUE(fs::exists(journal));
  auto result = session.submit(TurnInput::reply("It sounds like the week wore you down."));
  ASSERT_EQ(recorder.turn_played(*result.turn), std::nullopt);
  // One header line and one line per finished turn, durable before the client goes on.
  std::string journaled = slurp(journal);
  EXPECT_EQ(std::count(journaled.begin(), journaled.end(), '\n'), 2);

  auto saved = recorder.finish(session, session.ended());
  ASSERT_EQ(saved.error, "");
  EXPECT_FALSE(fs::exists(journal));
  EXPECT_EQ(saved.path, (root / "sessions" / "sam" / (recorder.session_id() + ".json")).string());
  EXPECT_EQ(mode_of(saved.path), 0600u);
  EXPECT_EQ(mode_of(root / "sessions" / "sam"), 0700u);
  EXPECT_EQ(mode_of(root), 0700u);
  EXPECT_EQ(mode_of(root / "journal"), 0700u);
  EXPECT_EQ(slurp(root / "scenarios" / (scenario.sha256 + ".yaml")), kScenario);

  auto record = nlohmann::json::parse(slurp(saved.path));
  EXPECT_EQ(record["format"], "attune-session/1");
  EXPECT_EQ(record["trainee"], "sam");
  EXPECT_EQ(record["scenario"]["sha256"], sha256_hex(kScenario));
  EXPECT_EQ(record["scorer"]["rubric"], "peer-support-v1");
  EXPECT_EQ(record["scorer"]["rubric_sha256"], "rubric-sha");
  EXPECT_FALSE(record["scorer"]["version"].get<std::string>().empty());
  EXPECT_TRUE(record["complete"]);
  EXPECT_EQ(record["outcome"], "engaged");
  EXPECT_TRUE(record["ended"].is_string());
  ASSERT_EQ(record["turns"].size(), 1u);
  EXPECT_EQ(record["turns"][0]["node"], "a");
  EXPECT_EQ(record["turns"][0]["kind"], "reply");
  EXPECT_EQ(record["competencies"].size(), 9u);
  EXPECT_TRUE(record["competencies"]["reflective_listening"]["focus"]);
  EXPECT_FALSE(record["competencies"]["avoiding_advice"]["focus"]);
  EXPECT_TRUE(record_signature_ok(record, "k"));
}

TEST(Recorder, UnfinishedSessionIsSavedIncompleteWithItsTurns) {
  TempDir dir;
  Scenario scenario = testing::must_load(kScenario);
  scoring::Rubric rubric = shipped_rubric();
  SessionRecorder recorder({dir.path().string(), "sam", &rubric, "x", "k"});
  Session session(scenario, SessionMode::exam);
  ASSERT_EQ(recorder.begin(session), std::nullopt);
  auto saved = recorder.finish(session, session.ended());
  ASSERT_EQ(saved.error, "");
  EXPECT_FALSE(saved.record["complete"]);
  EXPECT_TRUE(saved.record["outcome"].is_null());
  EXPECT_EQ(saved.record["mode"], "exam");
}

TEST(ProgrammeKey, ComesFromTheEnvironmentOrAPrivateKeyFileMadeOnFirstUse) {
  TempDir dir;
  ::setenv("XDG_CONFIG_HOME", dir.path().c_str(), 1);
  ::unsetenv("ATTUNE_KEY");
  auto first = programme_key();
  ASSERT_EQ(first.error, "");
  EXPECT_EQ(first.key.size(), 64u);
  auto key_file = dir.path() / "attune" / "key";
  EXPECT_EQ(mode_of(key_file), 0600u);
  EXPECT_EQ(programme_key().key, first.key) << "the key is kept, not remade";
  ::setenv("ATTUNE_KEY", "shared programme key", 1);
  EXPECT_EQ(programme_key().key, "shared programme key");
  ::unsetenv("ATTUNE_KEY");
  ::unsetenv("XDG_CONFIG_HOME");
}

TEST(TraineeIds, OnlyPathSafeNames) {
  EXPECT_TRUE(is_valid_trainee_id("sam.lee-2"));
  EXPECT_FALSE(is_valid_trainee_id(""));
  EXPECT_FALSE(is_valid_trainee_id(".."));
  EXPECT_FALSE(is_valid_trainee_id("a/b"));
  EXPECT_FALSE(is_valid_trainee_id("sam lee"));
}

TEST(ProgrammeKey, AnUnreadableKeyFileIsAnErrorAndIsNeverReplaced) {
  TempDir dir;
  ::setenv("XDG_CONFIG_HOME", dir.path().c_str(), 1);
  ::unsetenv("ATTUNE_KEY");
  fs::create_directories(dir.path() / "attune");
  std::string not_a_key(5000, 'a');
  std::ofstream(dir.path() / "attune" / "key") << not_a_key;
  auto result = programme_key();
  EXPECT_NE(result.error, "");
  EXPECT_EQ(slurp(dir.path() / "attune" / "key"), not_a_key) << "a key file is never overwritten";
  ::unsetenv("XDG_CONFIG_HOME");
}

}  // namespace
}  // namespace attune::sim
