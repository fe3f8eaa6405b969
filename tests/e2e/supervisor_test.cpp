// End to end: the supervisors' side through the real binary: verify, review (override, sign-off),
// progress files, report CSV/HTML and redaction, on records made by real scripted plays.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "run_attune.h"

namespace attune::e2e {
namespace {

using nlohmann::json;

// SHA-256 of no bytes: the `prev_sha256` of a review file's first line (a published constant).
constexpr const char* kEmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

fs::path play(const Sandbox& box, const std::string& fixture, const std::string& trainee,
              const fs::path& records, const std::string& extra_env = "") {
  auto before = box.session_files(records);
  std::string scenario = fixture.substr(0, fixture.find('.'));
  auto run = box.run({"play", source("scenarios/" + scenario + ".yaml").string(), "--responses",
                      source("tests/fixtures/plays/" + fixture + ".txt").string(), "--trainee", trainee,
                      "--records", records.string()},
                     "", extra_env);
  if (run.status != 0) throw std::runtime_error("play failed: " + run.err);
  for (const auto& f : box.session_files(records)) {
    if (std::find(before.begin(), before.end(), f) == before.end()) return f;
  }
  throw std::runtime_error("play wrote no record");
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(line);
  }
  return out;
}

std::string one_decimal(double value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

class Supervisor : public ::testing::Test {
 protected:
  Sandbox box;
  fs::path records = box.records();
  std::vector<std::string> with_records(std::vector<std::string> args) const {
    args.push_back("--records");
    args.push_back(records.string());
    return args;
  }
};

TEST_F(Supervisor, VerifyPassesCleanRecordsAndNamesAHandEditedScore) {
  play(box, "tell-me-what-to-do.listening", "casey", records);
  fs::path edited = play(box, "tell-me-what-to-do.advice", "casey", records);
  auto clean = box.run(with_records({"verify"}));
  EXPECT_EQ(clean.status, 0) << clean.out << clean.err;
  EXPECT_NE(clean.out.find("Verified 2 sessions"), std::string::npos) << clean.out;

  json record = json::parse(slurp(edited));
  json& advice = record["competencies"]["avoiding_advice"];
  advice["score"] = 4.0;  // the trainee gave advice; someone made it look proficient
  advice["status"] = "proficient";
  std::ofstream(edited, std::ios::binary | std::ios::trunc) << record.dump(2) << "\n";
  auto tampered = box.run(with_records({"verify"}));
  EXPECT_EQ(tampered.status, 1);
  EXPECT_NE(tampered.out.find("FAILED " + edited.string()), std::string::npos) << tampered.out;
  EXPECT_NE(tampered.out.find("1 failed"), std::string::npos) << tampered.out;
  // Naming the record checks just that one.
  auto named = box.run(with_records({"verify", edited.stem().string()}));
  EXPECT_EQ(named.status, 1);
  auto missing = box.run(with_records({"verify", "no-such-session"}));
  EXPECT_EQ(missing.status, 2);
}

TEST_F(Supervisor, OverrideAndSignOffAreAppendedAsAChainAndScoresShownBothWays) {
  fs::path file = play(box, "tell-me-what-to-do.listening", "casey", records);
  std::string before = slurp(file);
  json record = json::parse(before);
  std::string id = record["id"];
  const json& turn0 = record["turns"][0];
  ASSERT_EQ(record["competencies"]["avoiding_advice"]["status"], "proficient");
  for (const auto& c : turn0["codes"]) ASSERT_NE(c["code"], "seek_permission");

  auto typo =
      box.run(with_records({"review", id, "--override", "0", "advise", "--reason", "r", "--by", "Dana"}));
  EXPECT_EQ(typo.status, 2);
  EXPECT_NE(typo.err.find("did you mean 'advice'"), std::string::npos) << typo.err;

  auto override_run = box.run(with_records(
      {"review", id, "--override", "0", "advice", "--reason", "It tells her what to do", "--by", "Dana"}));
  ASSERT_EQ(override_run.status, 0) << override_run.err;
  // Rubric: one unexcused advice among N turns -> 4 x (1 - 1/N), capped at 2.5 with any violation.
  double n = static_cast<double>(record["turns"].size());
  std::string corrected = one_decimal(std::min(4.0 * (1.0 - 1.0 / n), 2.5));
  std::string advice_line;
  for (const auto& line : lines_of(override_run.out)) {
    if (line.find("avoiding_advice") != std::string::npos) advice_line = line;
  }
  EXPECT_NE(advice_line.find(one_decimal(record["competencies"]["avoiding_advice"]["score"]) + " proficient"),
            std::string::npos)
      << advice_line;
  EXPECT_NE(advice_line.find("-> " + corrected + " developing"), std::string::npos) << advice_line;

  auto sign = box.run(with_records({"review", id, "--sign-off", "--by", "Dana"}));
  ASSERT_EQ(sign.status, 0) << sign.err;
  EXPECT_NE(sign.out.find("signed off by Dana"), std::string::npos);

  auto lines = lines_of(slurp(records / "reviews" / (id + ".jsonl")));
  ASSERT_EQ(lines.size(), 2u);
  json first = json::parse(lines[0]);
  json second = json::parse(lines[1]);
  EXPECT_EQ(first["kind"], "override");
  EXPECT_EQ(first["by"], "Dana");
  EXPECT_EQ(first["turn"], 0);
  EXPECT_EQ(first["new_codes"], json::array({"advice"}));
  json old_codes = json::array();
  for (const auto& c : turn0["codes"]) old_codes.push_back(c["code"]);
  EXPECT_EQ(first["old_codes"], old_codes);
  EXPECT_EQ(first["prev_sha256"], kEmptySha256);
  EXPECT_EQ(second["kind"], "sign_off");
  EXPECT_NE(second["prev_sha256"], kEmptySha256);
  EXPECT_TRUE(first["hmac"].is_string() && second["hmac"].is_string());
  EXPECT_EQ(slurp(file), before) << "the session file, and its automatic codes, are never changed";
  EXPECT_EQ(fs::status(records / "reviews" / (id + ".jsonl")).permissions() & fs::perms::group_all,
            fs::perms::none);
  EXPECT_EQ(box.run(with_records({"verify"})).status, 0);
}

TEST_F(Supervisor, VerifyNamesATamperedReviewLine) {
  fs::path file = play(box, "tell-me-what-to-do.listening", "casey", records);
  std::string id = file.stem().string();
  ASSERT_EQ(box.run(with_records({"review", id, "--override", "1", "open_question", "--reason", "asks",
                                  "--by", "Dana"}))
                .status,
            0);
  ASSERT_EQ(box.run(with_records({"review", id, "--sign-off", "--by", "Dana"})).status, 0);
  fs::path reviews = records / "reviews" / (id + ".jsonl");
  std::string text = slurp(reviews);
  auto at = text.find("open_question");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, std::string("open_question").size(), "closed_question");
  std::ofstream(reviews, std::ios::binary | std::ios::trunc) << text;
  auto run = box.run(with_records({"verify"}));
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("FAILED " + reviews.string() + ": line 1"), std::string::npos) << run.out;
  // A broken chain is never extended.
  auto more = box.run(with_records({"review", id, "--sign-off", "--by", "Dana"}));
  EXPECT_EQ(more.status, 1) << more.err;
}

TEST_F(Supervisor, ProgressIsRebuiltFromTheRecordsByteForByte) {
  fs::path listening = play(box, "tell-me-what-to-do.listening", "casey", records);
  fs::path advice = play(box, "tell-me-what-to-do.advice", "casey", records);
  fs::path progress_file = records / "progress" / "casey.progress.json";
  ASSERT_TRUE(fs::exists(progress_file));
  json progress = json::parse(slurp(progress_file));
  EXPECT_EQ(progress["format"], "attune-progress/1");
  EXPECT_EQ(progress["sessions"], 2);
  // The trend follows the sessions in order of start time, then id (both can start in one second).
  json first = json::parse(slurp(listening));
  json last = json::parse(slurp(advice));
  if (std::tie(first["started"], first["id"]) > std::tie(last["started"], last["id"])) std::swap(first, last);
  const json& trend = progress["competencies"]["avoiding_advice"]["trend"];
  ASSERT_EQ(trend.size(), 2u);
  EXPECT_EQ(progress["competencies"]["avoiding_advice"]["latest"]["score"],
            last["competencies"]["avoiding_advice"]["score"]);
  EXPECT_EQ(trend[0]["session"], first["id"]);
  double a = trend[0]["score"].get<double>();
  double b = trend[1]["score"].get<double>();
  EXPECT_DOUBLE_EQ(progress["competencies"]["avoiding_advice"]["best"].get<double>(), std::max(a, b));
  EXPECT_DOUBLE_EQ(progress["competencies"]["avoiding_advice"]["moving_average"].get<double>(),
                   std::round((a + b) / 2 * 100) / 100);
  EXPECT_TRUE(progress["competencies"]["avoiding_advice"]["readiness"].contains("ready"));

  std::string id = listening.stem().string();
  ASSERT_EQ(box.run(with_records({"review", id, "--sign-off", "--by", "Dana"})).status, 0);
  std::string rebuilt = slurp(progress_file);
  EXPECT_EQ(json::parse(rebuilt)["signed_off_sessions"], 1);
  fs::remove(progress_file);
  // A second sign-off of the same session changes nothing the progress file holds.
  ASSERT_EQ(box.run(with_records({"review", id, "--sign-off", "--by", "Dana"})).status, 0);
  EXPECT_EQ(slurp(progress_file), rebuilt);
}

TEST_F(Supervisor, ACorruptOrForeignFileIsReportedAndSkippedNeverDeleted) {
  fs::path good = play(box, "tell-me-what-to-do.listening", "casey", records);
  fs::path corrupt = records / "sessions" / "casey" / "20260101T000000Z-deadbeef.json";
  std::ofstream(corrupt) << "{\"format\": \"attune-session/1\", \"turns\": [";
  // A record signed under another programme's key.
  fs::path elsewhere = box.root() / "elsewhere";
  fs::path foreign_src =
      play(box, "tell-me-what-to-do.advice", "casey", elsewhere, "ATTUNE_KEY=another-programme");
  fs::path foreign = records / "sessions" / "casey" / foreign_src.filename();
  fs::copy_file(foreign_src, foreign);

  auto verify = box.run(with_records({"verify"}));
  EXPECT_EQ(verify.status, 1);
  EXPECT_NE(verify.out.find("FAILED " + corrupt.string()), std::string::npos) << verify.out;
  EXPECT_NE(verify.out.find("FAILED " + foreign.string()), std::string::npos) << verify.out;
  EXPECT_EQ(verify.out.find("FAILED " + good.string()), std::string::npos) << verify.out;

  auto report = box.run(with_records({"report", "--csv", (box.root() / "r.csv").string()}));
  EXPECT_EQ(report.status, 0) << report.err;
  EXPECT_NE(report.err.find("skipped " + corrupt.string()), std::string::npos) << report.err;
  auto rows = lines_of(slurp(box.root() / "r.csv"));
  EXPECT_EQ(rows.size(), 1u + 9u) << "only the good session's nine competencies";

  play(box, "tell-me-what-to-do.advice", "casey", records);  // rebuilds progress past the bad files
  EXPECT_EQ(json::parse(slurp(records / "progress" / "casey.progress.json"))["sessions"], 2);
  EXPECT_TRUE(fs::exists(corrupt));
  EXPECT_TRUE(fs::exists(foreign));
}

TEST_F(Supervisor, CsvHasOneRowPerSessionAndCompetencyFromTheRecords) {
  fs::path a = play(box, "tell-me-what-to-do.listening", "casey", records);
  fs::path b = play(box, "keep-it-between-us.secret", "robin", records);
  fs::path csv = box.root() / "cohort.csv";
  ASSERT_EQ(box.run(with_records({"report", "--csv", csv.string()})).status, 0);
  std::string first = slurp(csv);
  auto rows = lines_of(first);
  ASSERT_EQ(rows.size(), 1u + 2u * 9u);
  EXPECT_EQ(rows[0],
            "trainee,session,scenario,started,mode,complete,competency,focus,automatic_score,corrected_score,"
            "status,"
            "opportunities,evidence_turns");
  for (const fs::path& file : {a, b}) {
    json record = json::parse(slurp(file));
    for (const auto& [competency, c] : record["competencies"].items()) {
      std::string evidence;
      for (const auto& t : c["evidence"])
        evidence += (evidence.empty() ? "" : " ") + std::to_string(t.get<int>());
      std::string score = c["score"].is_null() ? "" : one_decimal(c["score"].get<double>());
      std::string expected = record["trainee"].get<std::string>() + "," + record["id"].get<std::string>() +
                             "," + record["scenario"]["id"].get<std::string>() + "," +
                             record["started"].get<std::string>() + "," + record["mode"].get<std::string>() +
                             ",true," + competency + "," + (c["focus"].get<bool>() ? "true" : "false") + "," +
                             score + "," + score + "," + c["status"].get<std::string>() + "," +
                             std::to_string(c["opportunities"].get<int>()) + "," + evidence;
      EXPECT_NE(std::find(rows.begin(), rows.end(), expected), rows.end()) << expected;
    }
  }
  ASSERT_EQ(box.run(with_records({"report", "--csv", csv.string()})).status, 0);
  EXPECT_EQ(slurp(csv), first) << "the same records give the same CSV";
  ASSERT_EQ(box.run(with_records({"report", "--trainee", "robin", "--csv", csv.string()})).status, 0);
  EXPECT_EQ(lines_of(slurp(csv)).size(), 1u + 9u);
  EXPECT_EQ(box.run(with_records({"report"})).status, 2) << "--html or --csv is required";
}

TEST_F(Supervisor, RedactionRemovesNamesAndFreeText) {
  fs::path file = play(box, "tell-me-what-to-do.advice", "casey.morgan", records);
  std::string id = file.stem().string();
  ASSERT_EQ(box.run(with_records({"review", id, "--override", "0", "simple_reflection", "--reason",
                                  "Clearly a reflection of her worry", "--by", "Dana Whitfield"}))
                .status,
            0);
  fs::path html = box.root() / "shared.html";
  fs::path csv = box.root() / "shared.csv";
  ASSERT_EQ(
      box.run(with_records({"report", "--redact", "--html", html.string(), "--csv", csv.string()})).status,
      0);
  json record = json::parse(slurp(file));
  std::vector<std::string> secrets = {"casey.morgan", "Dana Whitfield", "Clearly a reflection of her worry"};
  for (const auto& t : record["turns"]) {
    secrets.push_back(t["client"]);
    if (t["response"].is_string() && t["response"].get<std::string>().size() > 3)
      secrets.push_back(t["response"]);
  }
  for (const fs::path& out : {html, csv}) {
    std::string text = slurp(out);
    ASSERT_FALSE(text.empty());
    for (const auto& secret : secrets)
      EXPECT_EQ(text.find(secret), std::string::npos) << out << ": " << secret;
  }
  EXPECT_NE(slurp(csv).find("trainee-001"), std::string::npos);
  // Unredacted, the same report does hold them.
  ASSERT_EQ(box.run(with_records({"report", "--html", html.string()})).status, 0);
  EXPECT_NE(slurp(html).find("Dana Whitfield"), std::string::npos);
  EXPECT_NE(slurp(html).find("casey.morgan"), std::string::npos);
}

// verify and report share the cores (ATTUNE_THREADS, default the machine's); what they print and
// write must be the same bytes as with one thread, and verify must name exactly the altered files.
TEST_F(Supervisor, VerifyAndReportGiveTheSameOutputWhateverTheThreads) {
  std::vector<fs::path> files;
  const char* fixtures[] = {"tell-me-what-to-do.listening", "tell-me-what-to-do.advice",
                            "keep-it-between-us.safe", "keep-it-between-us.secret"};
  for (const char* trainee : {"avery", "blake", "casey"}) {
    for (const char* fixture : fixtures) files.push_back(play(box, fixture, trainee, records));
  }
  ASSERT_EQ(box.run(with_records({"review", files[1].stem().string(), "--override", "0", "advice", "--reason",
                                  "a suggestion", "--by", "Dana"}))
                .status,
            0);
  // A record laid out another way (4-space indent) is still the signed record: it stays intact.
  std::string relaid = json::parse(slurp(files[2])).dump(4);
  std::ofstream(files[2], std::ios::binary | std::ios::trunc) << relaid;
  // Altered: a score edited without the key, and a file that is not JSON.
  json edited = json::parse(slurp(files[5]));
  edited["mode"] = edited["mode"] == "exam" ? "practice" : "exam";
  std::ofstream(files[5], std::ios::binary | std::ios::trunc) << edited.dump(2);
  std::ofstream(files[9], std::ios::binary | std::ios::trunc) << "not a record";

  struct Outputs {
    std::string verify, html, csv;
  };
  auto outputs = [&](int threads) {
    std::string env = "ATTUNE_THREADS=" + std::to_string(threads);
    Outputs out;
    out.verify = box.run(with_records({"verify"}), "", env).out;
    fs::path html = box.root() / ("report-" + std::to_string(threads) + ".html");
    fs::path csv = box.root() / ("report-" + std::to_string(threads) + ".csv");
    auto report = box.run(with_records({"report", "--html", html.string(), "--csv", csv.string()}), "", env);
    EXPECT_EQ(report.status, 0) << report.err;
    out.html = slurp(html);
    out.csv = slurp(csv);
    return out;
  };
  Outputs one = outputs(1);
  std::vector<std::string> failed;
  for (const auto& line : lines_of(one.verify)) {
    if (line.starts_with("FAILED ")) failed.push_back(line.substr(7, line.find(": ") - 7));
  }
  EXPECT_EQ(failed, (std::vector<std::string>{files[5].string(), files[9].string()})) << one.verify;
  EXPECT_NE(one.verify.find("Verified 12 sessions and 1 review file"), std::string::npos) << one.verify;
  EXPECT_NE(one.html.find("<h2>casey</h2>"), std::string::npos);
  for (int threads : {2, 3, 7}) {
    Outputs many = outputs(threads);
    EXPECT_EQ(many.verify, one.verify) << threads << " threads";
    EXPECT_EQ(many.html, one.html) << threads << " threads";
    EXPECT_EQ(many.csv, one.csv) << threads << " threads";
  }
}

}  // namespace
}  // namespace attune::e2e
