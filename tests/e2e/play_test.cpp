// End-to-end scripted plays of the shipped scenarios: the path taken and the record a supervisor reads.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "run_attune.h"

namespace attune::e2e {
namespace {

using nlohmann::json;

struct Expected {
  std::vector<std::string> path;
  std::string outcome;
};

Expected read_expected(const fs::path& file) {
  Expected e;
  std::istringstream in(slurp(file));
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string key;
    words >> key;
    if (key == "path:") {
      std::string node;
      while (words >> node) e.path.push_back(node);
    } else if (key == "outcome:") {
      words >> e.outcome;
    }
  }
  return e;
}

json only_record(const Sandbox& box, const fs::path& records) {
  auto files = box.session_files(records);
  if (files.size() != 1)
    throw std::runtime_error("expected one session record, found " + std::to_string(files.size()));
  struct stat st {};
  ::stat(files[0].c_str(), &st);
  if ((st.st_mode & 0077) != 0) throw std::runtime_error("the record is readable by others");
  return json::parse(slurp(files[0]));
}

std::vector<std::string> nodes_of(const json& record) {
  std::vector<std::string> nodes;
  for (const auto& t : record["turns"]) nodes.push_back(t["node"]);
  return nodes;
}

bool has_code(const json& turn, const std::string& code) {
  for (const auto& c : turn["codes"]) {
    if (c["code"] == code) return true;
  }
  return false;
}

class ShippedPlays : public ::testing::TestWithParam<std::string> {};

TEST_P(ShippedPlays, TakeTheExpectedPathAndWriteAPrivateSignedRecord) {
  fs::path play = source("tests/fixtures/plays/" + GetParam() + ".txt");
  std::string scenario = GetParam().substr(0, GetParam().find('.'));
  Expected expected = read_expected(play.string() + ".expected");
  Sandbox box;
  auto run = box.run({"play", source("scenarios/" + scenario + ".yaml").string(), "--responses",
                      play.string(), "--trainee", "casey", "--records", box.records().string()});
  ASSERT_EQ(run.status, 0) << run.err;
  json record = only_record(box, box.records());
  EXPECT_EQ(nodes_of(record), expected.path);
  EXPECT_EQ(record["outcome"], expected.outcome);
  EXPECT_TRUE(record["complete"]);
  EXPECT_EQ(record["trainee"], "casey");
  EXPECT_EQ(record["scenario"]["id"], scenario);
  EXPECT_TRUE(record["self_rating"].is_null()) << "scripted plays do not self-rate";
  EXPECT_TRUE(record["integrity"]["hmac_sha256"].is_string());
  for (const auto& turn : record["turns"]) {
    for (const auto& code : turn["codes"]) {
      EXPECT_TRUE(code["rule"].is_string() && !code["rule"].get<std::string>().empty())
          << "every code has a rule";
    }
  }
  for (const auto& [id, c] : record["competencies"].items()) {
    for (const auto& index : c["evidence"]) EXPECT_LT(index.get<std::size_t>(), record["turns"].size()) << id;
  }
  // The debrief a trainee reads names each turn's evidence and the competency table.
  EXPECT_NE(run.out.find("Competencies"), std::string::npos);
  EXPECT_NE(run.out.find("Turn 0"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ShippedPlays,
                         ::testing::Values("tell-me-what-to-do.listening", "tell-me-what-to-do.advice",
                                           "keep-it-between-us.safe", "keep-it-between-us.secret"),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string name = param.param;
                           for (char& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

TEST(ScriptedPlay, ListeningEarnsBetterScoresThanAdvice) {
  Sandbox box;
  auto play = [&](const std::string& file) {
    fs::path records = box.root() / file;
    box.run({"play", source("scenarios/tell-me-what-to-do.yaml").string(), "--responses",
             source("tests/fixtures/plays/" + file).string(), "--records", records.string()});
    return only_record(box, records);
  };
  json listening = play("tell-me-what-to-do.listening.txt");
  json advice = play("tell-me-what-to-do.advice.txt");
  EXPECT_EQ(listening["metrics"]["advice_count"], 0);
  EXPECT_GE(advice["metrics"]["advice_count"].get<int>(), 2);
  EXPECT_EQ(listening["competencies"]["avoiding_advice"]["status"], "proficient");
  EXPECT_EQ(advice["competencies"]["avoiding_advice"]["status"], "not_yet");
  EXPECT_TRUE(has_code(advice["turns"][0], "advice"));
}

const char* kScenario = R"(attune: 1
id: tiny
title: Tiny
client: {name: Lee}
start: a
nodes:
  a:
    client: Work has been a lot lately.
    space: 3s
    respond:
      - when: [advice]
        goto: done
    otherwise: b
  b:
    client: Yeah.
    space: 3s
    otherwise: done
  done:
    client: Okay.
    end: true
    outcome: engaged
)";

TEST(ScriptedPlay, ChoiceAtAFreeNodeIsAnErrorNamingTheLineAndTheTurnsBeforeAreSaved) {
  Sandbox box;
  auto scenario = box.write("tiny.yaml", kScenario);
  auto responses = box.write("misfit.txt", "# comment\nIt sounds like work is heavy.\n[choice 1]\n");
  auto run = box.run(
      {"play", scenario.string(), "--responses", responses.string(), "--records", box.records().string()});
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find("misfit.txt:3:"), std::string::npos) << run.err;
  json record = only_record(box, box.records());
  EXPECT_FALSE(record["complete"]);
  EXPECT_TRUE(record["outcome"].is_null());
  EXPECT_EQ(nodes_of(record), std::vector<std::string>{"a"});
}

TEST(ScriptedPlay, LinesLeftOverAreAnErrorNamingTheFirstAndTheFinishedSessionIsSaved) {
  Sandbox box;
  auto scenario = box.write("tiny.yaml", kScenario);
  auto responses = box.write("long.txt", "You should take a day off.\nExtra line one.\nExtra line two.\n");
  auto run = box.run(
      {"play", scenario.string(), "--responses", responses.string(), "--records", box.records().string()});
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find("long.txt:2:"), std::string::npos) << run.err;
  json record = only_record(box, box.records());
  EXPECT_TRUE(record["complete"]);
  EXPECT_EQ(record["outcome"], "engaged");
}

TEST(ScriptedPlay, FileEndingBeforeTheSessionIsAnErrorAndTheRecordIsIncomplete) {
  Sandbox box;
  auto scenario = box.write("tiny.yaml", kScenario);
  auto responses = box.write("short.txt", "[silence 4s]\n");
  auto run = box.run(
      {"play", scenario.string(), "--responses", responses.string(), "--records", box.records().string()});
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find("short.txt:1:"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("ends before"), std::string::npos) << run.err;
  json record = only_record(box, box.records());
  EXPECT_FALSE(record["complete"]);
  ASSERT_EQ(record["turns"].size(), 1u);
  EXPECT_EQ(record["turns"][0]["kind"], "silence");
  EXPECT_EQ(record["turns"][0]["silence_ms"], 4000);
}

TEST(ScriptedPlay, JsonPrintsTheSameRecordThatWasSaved) {
  Sandbox box;
  auto scenario = box.write("tiny.yaml", kScenario);
  auto responses = box.write("ok.txt", "[after 1s] It sounds like work is heavy.\n[silence]\n");
  auto run = box.run({"play", scenario.string(), "--responses", responses.string(), "--json", "--records",
                      box.records().string()});
  ASSERT_EQ(run.status, 0) << run.err;
  json printed = json::parse(run.out);
  EXPECT_EQ(printed, only_record(box, box.records()));
  EXPECT_TRUE(has_code(printed["turns"][0], "interruption"));
  EXPECT_EQ(printed["turns"][0]["latency_ms"], 1000);
  EXPECT_TRUE(has_code(printed["turns"][1], "silence"));
}

TEST(ScriptedPlay, RecordsDirectoryComesFromTheEnvironmentWhenNoFlagIsGiven) {
  Sandbox box;
  auto scenario = box.write("tiny.yaml", kScenario);
  auto responses = box.write("ok.txt", "[silence]\n[silence]\n");
  fs::path dir = box.root() / "env-records";
  auto run = box.run({"play", scenario.string(), "--responses", responses.string(), "--trainee", "kim"}, "",
                     "ATTUNE_RECORDS=" + quote(dir.string()));
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(box.session_files(dir).size(), 1u);
  struct stat st {};
  ::stat(dir.c_str(), &st);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
}

TEST(ScriptedPlay, DefaultRecordsDirectoryIsUnderXdgDataHome) {
  Sandbox box;
  auto scenario = box.write("tiny.yaml", kScenario);
  auto responses = box.write("ok.txt", "[silence]\n[silence]\n");
  auto run = box.run({"play", scenario.string(), "--responses", responses.string()});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(box.session_files(box.root() / "data" / "attune" / "records").size(), 1u);
}

TEST(Play, RefusesAScenarioWithErrorsAndPrintsThem) {
  Sandbox box;
  std::string broken = kScenario;
  broken.replace(broken.find("otherwise: done"), 15, "otherwise: dnoe");
  auto scenario = box.write("broken.yaml", broken);
  auto run = box.run({"play", scenario.string(), "--text", "--records", box.records().string()});
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find("broken.yaml:17:16: error:"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("did you mean 'done'"), std::string::npos) << run.err;
  EXPECT_TRUE(box.session_files(box.records()).empty());
}

TEST(Play, MissingScenarioOrResponsesFileIsAUsageError) {
  Sandbox box;
  EXPECT_EQ(box.run({"play", "no-such-scenario"}).status, 2);
  auto scenario = box.write("tiny.yaml", kScenario);
  EXPECT_EQ(box.run({"play", scenario.string(), "--responses", "missing.txt"}).status, 2);
  EXPECT_EQ(box.run({"play", scenario.string(), "--mode", "quiz"}).status, 2);
}

TEST(Play, ShippedScenarioCanBeNamedByItsId) {
  Sandbox box;
  auto run = box.run({"play", "tell-me-what-to-do", "--responses",
                      source("tests/fixtures/plays/tell-me-what-to-do.advice.txt").string(), "--records",
                      box.records().string()});
  EXPECT_EQ(run.status, 0) << run.err;
}

TEST(TerminalPlay, PlaysFromPipedInputAndKeepsAQuitSessionWhenAsked) {
  Sandbox box;
  auto scenario = box.write("tiny.yaml", kScenario);
  auto run = box.run({"play", scenario.string(), "--text", "--records", box.records().string()},
                     "It sounds like work has piled up.\n/quit\ny\n");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("Lee (calm): Work has been a lot lately."), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("Coach:"), std::string::npos) << "practice mode shows coach notes";
  json record = only_record(box, box.records());
  EXPECT_FALSE(record["complete"]);
  ASSERT_EQ(record["turns"].size(), 1u);
  EXPECT_EQ(record["turns"][0]["response"], "It sounds like work has piled up.");
  EXPECT_TRUE(record["turns"][0]["latency_ms"].is_number());
}

TEST(TerminalPlay, DiscardsAQuitPracticeSessionWhenTheTraineeSaysNo) {
  Sandbox box;
  auto scenario = box.write("tiny.yaml", kScenario);
  auto run = box.run({"play", scenario.string(), "--text", "--records", box.records().string()},
                     "It sounds like work has piled up.\n/quit\nn\n");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(box.session_files(box.records()).empty());
  EXPECT_TRUE(fs::is_empty(box.records() / "journal")) << "the journal of a discarded session is removed";
}

TEST(TerminalPlay, ExamModeShowsNoCoachNotesAndAsksForASelfRatingAtTheEnd) {
  Sandbox box;
  std::string with_focus = kScenario;
  with_focus.insert(with_focus.find("client:"), "competencies: [holding_silence]\n");
  auto scenario = box.write("tiny.yaml", with_focus);
  auto run =
      box.run({"play", scenario.string(), "--text", "--mode", "exam", "--records", box.records().string()},
              "\n/silence\n3\n");
  ASSERT_EQ(run.status, 0) << run.err;
  auto debrief = run.out.find("Debrief:");
  ASSERT_NE(debrief, std::string::npos) << run.out;
  EXPECT_EQ(run.out.substr(0, debrief).find("Coach:"), std::string::npos) << "no coach notes until the end";
  EXPECT_LT(run.out.find("rate yourself"), debrief) << "the self-rating comes before the scores";
  json record = only_record(box, box.records());
  EXPECT_TRUE(record["complete"]);
  EXPECT_EQ(record["mode"], "exam");
  EXPECT_EQ(record["self_rating"]["holding_silence"], 3);
  EXPECT_EQ(record["turns"][0]["kind"], "silence");
  EXPECT_EQ(record["turns"][1]["kind"], "silence");
}

TEST(TerminalPlay, ExamSessionEndedEarlyIsAlwaysKept) {
  Sandbox box;
  auto scenario = box.write("tiny.yaml", kScenario);
  auto run =
      box.run({"play", scenario.string(), "--text", "--mode", "exam", "--records", box.records().string()},
              "/quit\n");
  ASSERT_EQ(run.status, 0) << run.err;
  json record = only_record(box, box.records());
  EXPECT_FALSE(record["complete"]);
  EXPECT_TRUE(record["turns"].empty());
}

}  // namespace
}  // namespace attune::e2e
