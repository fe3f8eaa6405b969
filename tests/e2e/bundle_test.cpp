// End to end: records moved between machines with `attune export` and `attune import` (real
// binary, real scripted plays), hostile bundles built with Python's tarfile (make_bundle.py),
// `attune key show` and `attune records delete`.
#include "attune/simulator/bundle.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "attune/simulator/records.h"
#include "run_attune.h"

namespace attune::e2e {
namespace {

using nlohmann::json;

fs::path play(const Sandbox& box, const std::string& fixture, const std::string& trainee,
              const fs::path& records) {
  auto before = box.session_files(records);
  std::string scenario = fixture.substr(0, fixture.find('.'));
  auto run = box.run({"play", source("scenarios/" + scenario + ".yaml").string(), "--responses",
                      source("tests/fixtures/plays/" + fixture + ".txt").string(), "--trainee", trainee,
                      "--records", records.string()});
  if (run.status != 0) throw std::runtime_error("play failed: " + run.err);
  for (const auto& f : box.session_files(records)) {
    if (std::find(before.begin(), before.end(), f) == before.end()) return f;
  }
  throw std::runtime_error("play wrote no record");
}

// Every regular file under `dir`, relative, sorted (to show that nothing appeared or went).
std::vector<std::string> files_under(const fs::path& dir) {
  std::vector<std::string> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (!e.is_directory()) out.push_back(fs::relative(e.path(), dir).string());
  std::sort(out.begin(), out.end());
  return out;
}

class Bundles : public ::testing::Test {
 protected:
  Sandbox box;
  fs::path records = box.records();
  fs::path other = box.root() / "supervisor";

  Output at(const fs::path& dir, std::vector<std::string> args, const std::string& env = "") const {
    args.push_back("--records");
    args.push_back(dir.string());
    return box.run(args, "", env);
  }

  fs::path export_bundle(const std::string& name, std::vector<std::string> extra = {}) const {
    fs::path out = box.root() / name;
    std::vector<std::string> args = {"export", "--out", out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    auto run = at(records, args);
    EXPECT_EQ(run.status, 0) << run.out << run.err;
    return out;
  }

  std::string key() const {
    auto run = box.run({"key", "show"});
    EXPECT_EQ(run.status, 0) << run.err;
    std::string k = run.out;
    while (!k.empty() && k.back() == '\n') k.pop_back();
    return k;
  }

  // Writes a record after changing it, signed again with the programme key (as its holder could).
  void resign(const fs::path& path, json record) const {
    record.erase("integrity");
    sim::sign_record(record, key());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << record.dump(2) << "\n";
  }

  fs::path hostile(const std::string& name, const json& entries) const {
    json spec = {{"out", (box.root() / name).string()}, {"entries", entries}};
    fs::path spec_path = box.write(name + ".spec.json", spec.dump());
    std::string command = "/usr/bin/python3 " + quote(source("tests/e2e/make_bundle.py").string()) + " " +
                          quote(spec_path.string());
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    return box.root() / name;
  }
};

TEST_F(Bundles, RoundTripGivesByteIdenticalSessionsAndTheSameCsv) {
  fs::path first = play(box, "tell-me-what-to-do.listening", "casey", records);
  play(box, "tell-me-what-to-do.advice", "casey", records);
  play(box, "keep-it-between-us.safe", "robin", records);
  ASSERT_EQ(at(records, {"review", first.stem().string(), "--sign-off", "--by", "sam"}).status, 0);

  fs::path bundle = export_bundle("casey.tar.gz");
  struct stat st {};
  ASSERT_EQ(stat(bundle.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  // Regular files only, manifest first, relative paths in the records layout.
  std::string command =
      "tar -tvzf " + quote(bundle.string()) + " > " + quote((box.root() / "list.txt").string());
  ASSERT_EQ(std::system(command.c_str()), 0);
  std::string list = slurp(box.root() / "list.txt");
  EXPECT_EQ(list.rfind("-rw-------", 0), 0u) << list;
  EXPECT_LT(list.find("manifest.json"), list.find("sessions/casey/")) << list;
  EXPECT_NE(list.find("reviews/" + first.stem().string() + ".jsonl"), std::string::npos) << list;
  EXPECT_NE(list.find("scenarios/"), std::string::npos) << list;
  EXPECT_EQ(list.find("journal"), std::string::npos) << list;
  EXPECT_EQ(list.find("\nd"), std::string::npos) << "directory entries: " << list;

  auto imported = at(other, {"import", bundle.string()});
  EXPECT_EQ(imported.status, 0) << imported.out << imported.err;
  EXPECT_NE(imported.out.find("imported 3, unchanged 0, conflicts 0, rejected 0"), std::string::npos)
      << imported.out;
  for (const auto& f : box.session_files(records)) {
    fs::path there = other / fs::relative(f, records);
    ASSERT_TRUE(fs::exists(there)) << there;
    EXPECT_EQ(slurp(there), slurp(f)) << there;
  }
  EXPECT_EQ(slurp(other / "reviews" / (first.stem().string() + ".jsonl")),
            slurp(records / "reviews" / (first.stem().string() + ".jsonl")));
  EXPECT_TRUE(fs::exists(other / "progress" / "casey.progress.json"));
  EXPECT_TRUE(fs::exists(other / "progress" / "robin.progress.json"));
  EXPECT_EQ(at(other, {"verify"}).status, 0);

  ASSERT_EQ(at(records, {"report", "--csv", (box.root() / "here.csv").string()}).status, 0);
  ASSERT_EQ(at(other, {"report", "--csv", (box.root() / "there.csv").string()}).status, 0);
  EXPECT_EQ(slurp(box.root() / "here.csv"), slurp(box.root() / "there.csv"));
  EXPECT_FALSE(slurp(box.root() / "here.csv").empty());
}

TEST_F(Bundles, ReimportIsUnchangedAndFiltersSelectSessions) {
  play(box, "tell-me-what-to-do.listening", "casey", records);
  play(box, "keep-it-between-us.safe", "robin", records);
  fs::path bundle = export_bundle("all.tar.gz");
  ASSERT_EQ(at(other, {"import", bundle.string()}).status, 0);
  auto before = files_under(other);
  auto again = at(other, {"import", bundle.string()});
  EXPECT_EQ(again.status, 0) << again.out << again.err;
  EXPECT_NE(again.out.find("imported 0, unchanged 2, conflicts 0, rejected 0"), std::string::npos)
      << again.out;
  EXPECT_EQ(files_under(other), before);

  fs::path robin = export_bundle("robin.tar.gz", {"--trainee", "robin"});
  auto only = at(box.root() / "third", {"import", robin.string()});
  EXPECT_NE(only.out.find("imported 1, unchanged 0"), std::string::npos) << only.out;
  fs::path none = export_bundle("none.tar.gz", {"--since", "2999-01-01"});
  auto empty = at(box.root() / "fourth", {"import", none.string()});
  EXPECT_EQ(empty.status, 0) << empty.out << empty.err;
  EXPECT_NE(empty.out.find("imported 0, unchanged 0, conflicts 0, rejected 0"), std::string::npos)
      << empty.out;
  EXPECT_EQ(
      at(records, {"export", "--out", (box.root() / "x.tar.gz").string(), "--since", "yesterday"}).status, 2);
}

struct Refusal {
  const char* name;
  json entries;  // make_bundle.py entries; "SESSION" in a source is replaced by a real record's path
  const char* entry;
  const char* reason;
};

TEST_F(Bundles, AHostileBundleIsRefusedWholeAndNothingAppears) {
  fs::path session = play(box, "tell-me-what-to-do.listening", "casey", records);
  std::string real = "sessions/casey/" + session.filename().string();
  std::string evil_abs = (box.root() / "evil-absolute.json").string();
  std::string zeros_name = "scenarios/" + std::string(64, '0') + ".yaml";
  json good = {{"name", real}, {"source", session.string()}};
  std::vector<Refusal> cases = {
      {"dotdot", json::array({good, {{"name", "sessions/../../evil.json"}, {"data", "{}"}}}),
       "sessions/../../evil.json", "'..'"},
      {"absolute", json::array({good, {{"name", evil_abs}, {"data", "{}"}}}), evil_abs.c_str(),
       "absolute path"},
      {"symlink",
       json::array(
           {good, {{"name", "sessions/casey/x.json"}, {"type", "symlink"}, {"target", "/etc/passwd"}}}),
       "sessions/casey/x.json", "symbolic link"},
      {"hardlink",
       json::array({good, {{"name", "sessions/casey/y.json"}, {"type", "hardlink"}, {"target", real}}}),
       "sessions/casey/y.json", "hard link"},
      {"fifo", json::array({good, {{"name", "sessions/casey/f.json"}, {"type", "fifo"}}}),
       "sessions/casey/f.json", "device, fifo"},
      {"bomb", json::array({good, {{"name", zeros_name}, {"zeros", 200 << 20}}}), zeros_name.c_str(),
       "limit for an entry"},
      {"sha", json::array({{{"name", real}, {"source", session.string()}, {"wrong_sha", true}}}),
       real.c_str(), "SHA-256"},
      {"duplicate", json::array({good, good}), real.c_str(), "duplicate"},
      {"outside", json::array({good, {{"name", "etc/passwd"}, {"data", "root"}}}), "etc/passwd",
       "not in the records layout"},
      {"unlisted", json::array({good, {{"name", "reviews/x.jsonl"}, {"data", ""}, {"unlisted", true}}}),
       "reviews/x.jsonl", "not listed in the manifest"},
      {"absent", json::array({good, {{"name", "reviews/y.jsonl"}, {"data", "z"}, {"absent", true}}}),
       "reviews/y.jsonl", "missing from the bundle"},
      {"directory", json::array({{{"name", "sessions/casey"}, {"type", "dir"}}, good}), "sessions/casey/",
       "directory entry"},
  };
  auto here_before = files_under(records);
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    fs::path bundle = hostile(std::string(c.name) + ".tar.gz", c.entries);
    fs::path fresh = box.root() / (std::string("fresh-") + c.name);
    auto start = std::chrono::steady_clock::now();
    auto run = at(fresh, {"import", bundle.string()});
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(run.status, 1) << run.out << run.err;
    EXPECT_NE(run.err.find("refused"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find(std::string("entry '") + c.entry + "'"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find(c.reason), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("nothing was imported"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(fresh)) << "the import left " << fresh;
    EXPECT_LT(seconds, 10.0);
    // Into an existing records directory: nothing appears there either (no staging left behind).
    auto into_existing = at(records, {"import", bundle.string()});
    EXPECT_EQ(into_existing.status, 1);
    EXPECT_EQ(files_under(records), here_before);
  }
  auto garbage =
      at(box.root() / "fresh-garbage", {"import", box.write("garbage.tar.gz", "not a bundle").string()});
  EXPECT_EQ(garbage.status, 1) << garbage.err;
  EXPECT_NE(garbage.err.find("not a .tar.gz bundle"), std::string::npos) << garbage.err;
  EXPECT_FALSE(fs::exists(box.root() / "fresh-garbage"));
  auto missing = at(records, {"import", (box.root() / "no-such.tar.gz").string()});
  EXPECT_EQ(missing.status, 2) << missing.err;
  EXPECT_FALSE(fs::exists(box.root().parent_path() / "evil.json"));
  EXPECT_FALSE(fs::exists(evil_abs));
}

TEST_F(Bundles, TheUnpackedTotalIsCountedWhileReading) {
  // Small limits so the test stays small: three 600 KiB entries against a 1 MiB total.
  json entries = json::array();
  for (char c : {'a', 'b', 'c'})
    entries.push_back({{"name", "scenarios/" + std::string(64, c) + ".yaml"}, {"zeros", 600 << 10}});
  fs::path bundle = hostile("total.tar.gz", entries);
  fs::path staging = box.root() / "staging";
  fs::create_directories(staging);
  sim::BundleLimits limits;
  limits.max_total_bytes = std::size_t{1} << 20;
  auto unpacked = sim::unpack_bundle(bundle.string(), staging.string(), limits);
  ASSERT_TRUE(unpacked.refusal);
  EXPECT_NE(unpacked.refusal->find("entry 'scenarios/" + std::string(64, 'b') + ".yaml'"), std::string::npos)
      << *unpacked.refusal;
  EXPECT_NE(unpacked.refusal->find("stopped while unpacking"), std::string::npos) << *unpacked.refusal;
  limits = {};
  limits.max_entries = 2;
  auto many = sim::unpack_bundle(bundle.string(), (box.root() / "staging2").string(), limits);
  ASSERT_TRUE(many.refusal);
  EXPECT_NE(many.refusal->find("more than 2 entries"), std::string::npos) << *many.refusal;
}

TEST_F(Bundles, ARecordUnderAnotherKeyIsRejectedWithTheWayToFixIt) {
  play(box, "tell-me-what-to-do.listening", "casey", records);
  fs::path bundle = export_bundle("casey.tar.gz");
  auto run = at(other, {"import", bundle.string()}, "ATTUNE_KEY=another-programme");
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("rejected sessions/casey/"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("attune key show"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("imported 0, unchanged 0, conflicts 0, rejected 1"), std::string::npos) << run.out;
  EXPECT_TRUE(box.session_files(other).empty());
}

TEST_F(Bundles, ASessionBreakingTheSchemaIsRejectedWhereItBreaksAndTheOthersImport) {
  fs::path missing = play(box, "tell-me-what-to-do.listening", "casey", records);
  fs::path wrong_type = play(box, "keep-it-between-us.safe", "robin", records);
  fs::path good = play(box, "tell-me-what-to-do.advice", "casey", records);
  // Signed with the programme key after the change, so only the schema can catch them.
  json record = json::parse(slurp(missing));
  record.erase("outcome");
  resign(box.root() / "missing.json", record);
  record = json::parse(slurp(wrong_type));
  record["turns"][0]["latency_ms"] = "fast";
  resign(box.root() / "wrong-type.json", record);
  auto relative = [&](const fs::path& f) { return fs::relative(f, records).string(); };
  json entries =
      json::array({{{"name", relative(missing)}, {"source", (box.root() / "missing.json").string()}},
                   {{"name", relative(wrong_type)}, {"source", (box.root() / "wrong-type.json").string()}},
                   {{"name", relative(good)}, {"source", good.string()}}});
  for (const auto& copy : fs::directory_iterator(records / "scenarios"))
    entries.push_back({{"name", relative(copy.path())}, {"source", copy.path().string()}});

  auto run = at(other, {"import", hostile("schema.tar.gz", entries).string()});
  EXPECT_EQ(run.status, 1) << run.out << run.err;
  EXPECT_NE(
      run.out.find("rejected " + relative(missing) +
                   ": it does not follow the attune-session/1 schema: at the top level: has no `outcome` "
                   "(required)\n"),
      std::string::npos)
      << run.out;
  EXPECT_NE(
      run.out.find("rejected " + relative(wrong_type) +
                   ": it does not follow the attune-session/1 schema: at /turns/0/latency_ms: is 'fast', "
                   "should be an integer or null\n"),
      std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("imported 1, unchanged 0, conflicts 0, rejected 2"), std::string::npos) << run.out;
  EXPECT_TRUE(fs::exists(other / relative(good)));
  EXPECT_FALSE(fs::exists(other / relative(missing)));
  EXPECT_FALSE(fs::exists(other / relative(wrong_type)));
  EXPECT_EQ(at(other, {"verify"}).status, 0);
}

// A pid that was just in use and is now free: a child that has exited and been reaped.
pid_t dead_pid() {
  pid_t child = fork();
  if (child == 0) _exit(0);
  int status = 0;
  waitpid(child, &status, 0);
  return child;
}

TEST_F(Bundles, AKilledImportsStagingIsSweptALiveOnesKeptAndReadersIgnoreBoth) {
  fs::path session = play(box, "tell-me-what-to-do.listening", "casey", records);
  fs::path bundle = export_bundle("casey.tar.gz");
  ASSERT_EQ(at(other, {"import", bundle.string()}).status, 0);
  // What a killed import leaves (a staged, damaged session) and what a running one holds.
  fs::path stale = other / (".import-" + std::to_string(dead_pid()) + "-Ab12Cd");
  fs::path live = other / (".import-" + std::to_string(getpid()) + "-Ef34Gh");
  for (const auto& dir : {stale, live}) {
    fs::create_directories(dir / "sessions" / "casey");
    std::ofstream(dir / "sessions" / "casey" / session.filename()) << "{\"damaged\": true}";
  }
  auto verify = at(other, {"verify"});
  EXPECT_EQ(verify.status, 0) << verify.out;
  EXPECT_EQ(verify.out.find(".import-"), std::string::npos) << verify.out;
  EXPECT_EQ(at(other, {"report", "--csv", (box.root() / "r.csv").string()}).status, 0);

  auto again = at(other, {"import", bundle.string()});
  EXPECT_EQ(again.status, 0) << again.out << again.err;
  EXPECT_NE(again.out.find("imported 0, unchanged 1"), std::string::npos) << again.out;
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_TRUE(fs::exists(live / "sessions" / "casey" / session.filename()));
  std::size_t staging_dirs = 0;
  for (const auto& e : fs::directory_iterator(other))
    staging_dirs += e.path().filename().string().rfind(".import-", 0) == 0 ? 1 : 0;
  EXPECT_EQ(staging_dirs, 1u) << "only the live import's staging directory is left";
}

// Import checks sessions on every core a batch at a time (256); what it prints must still come in
// bundle order, the same on every run.
TEST_F(Bundles, ALargeBundlesFindingsComeInBundleOrderAcrossBatches) {
  std::string command = quote(ATTUNE_GEN_RECORDS) + " --records " + quote(records.string()) +
                        " --sessions 600 --trainees 3 > /dev/null";
  ASSERT_EQ(std::system(
                ("ATTUNE_HOME=" + quote(ATTUNE_SOURCE_DIR) + " ATTUNE_KEY=" + key() + " " + command).c_str()),
            0);
  auto sessions = box.session_files(records);
  std::sort(sessions.begin(), sessions.end());
  ASSERT_EQ(sessions.size(), 600u);
  // Altered without the key, spread over the batches: each is rejected for its HMAC.
  json entries = json::array();
  std::vector<std::string> altered;
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    std::string name = fs::relative(sessions[i], records).string();
    fs::path source_file = sessions[i];
    if (i % 97 == 5) {
      json record = json::parse(slurp(sessions[i]));
      record["mode"] = record["mode"] == "exam" ? "practice" : "exam";
      source_file = box.write("altered-" + std::to_string(i) + ".json", record.dump());
      altered.push_back(name);
    }
    entries.push_back({{"name", name}, {"source", source_file.string()}});
  }
  for (const auto& copy : fs::directory_iterator(records / "scenarios"))
    entries.push_back(
        {{"name", fs::relative(copy.path(), records).string()}, {"source", copy.path().string()}});
  fs::path bundle = hostile("large.tar.gz", entries);

  auto first = at(other, {"import", bundle.string()});
  EXPECT_EQ(first.status, 1) << first.err;
  std::string expected;
  for (const auto& name : altered)
    expected += "rejected " + name + ": its HMAC does not match this machine's programme key";
  std::string rejected;
  std::istringstream lines(first.out);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("rejected ", 0) == 0) rejected += line.substr(0, line.find(" (it was signed"));
  EXPECT_EQ(rejected, expected) << first.out;
  EXPECT_NE(first.out.find("imported 593, unchanged 0, conflicts 0, rejected 7"), std::string::npos)
      << first.out;
  auto second = at(box.root() / "again", {"import", bundle.string()});
  EXPECT_EQ(second.out, first.out);
}

TEST_F(Bundles, ADifferentSessionUnderAKnownIdIsAConflictAndTheLocalCopyIsKept) {
  fs::path session = play(box, "tell-me-what-to-do.listening", "casey", records);
  fs::path bundle = export_bundle("casey.tar.gz");
  fs::path local = other / fs::relative(session, records);
  fs::create_directories(local.parent_path());
  json record = json::parse(slurp(session));
  record["self_rating"] = json::object();  // a different, validly signed session with the same id
  resign(local, record);
  std::string kept = slurp(local);
  auto run = at(other, {"import", bundle.string()});
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("conflict sessions/casey/" + session.filename().string()), std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("imported 0, unchanged 0, conflicts 1, rejected 0"), std::string::npos) << run.out;
  EXPECT_EQ(slurp(local), kept);
}

TEST_F(Bundles, AReviewFileThatExtendsReplacesOneThatDivergesConflicts) {
  fs::path session = play(box, "tell-me-what-to-do.listening", "casey", records);
  std::string id = session.stem().string();
  ASSERT_EQ(at(records, {"review", id, "--sign-off", "--by", "sam"}).status, 0);
  ASSERT_EQ(at(other, {"import", export_bundle("one.tar.gz").string()}).status, 0);
  ASSERT_EQ(at(records, {"review", id, "--override", "0", "advice", "--reason", "it tells her what to do",
                         "--by", "sam"})
                .status,
            0);
  auto extended = at(other, {"import", export_bundle("two.tar.gz").string()});
  EXPECT_EQ(extended.status, 0) << extended.out << extended.err;
  EXPECT_NE(extended.out.find("imported 1, unchanged 0, conflicts 0, rejected 0"), std::string::npos)
      << extended.out;
  fs::path review_here = records / "reviews" / (id + ".jsonl");
  fs::path review_there = other / "reviews" / (id + ".jsonl");
  EXPECT_EQ(slurp(review_there), slurp(review_here));

  // Both sides review on: the files diverge.
  ASSERT_EQ(at(records, {"review", id, "--sign-off", "--by", "sam"}).status, 0);
  ASSERT_EQ(at(other, {"review", id, "--sign-off", "--by", "alex"}).status, 0);
  std::string kept = slurp(review_there);
  auto diverged = at(other, {"import", export_bundle("three.tar.gz").string()});
  EXPECT_EQ(diverged.status, 1);
  EXPECT_NE(diverged.out.find("diverges"), std::string::npos) << diverged.out;
  EXPECT_NE(diverged.out.find("imported 0, unchanged 0, conflicts 1, rejected 0"), std::string::npos)
      << diverged.out;
  EXPECT_EQ(slurp(review_there), kept);
}

TEST_F(Bundles, AScoreEditedAndResignedIsCaughtByRederivation) {
  fs::path session = play(box, "tell-me-what-to-do.advice", "casey", records);
  json record = json::parse(slurp(session));
  record["competencies"]["avoiding_advice"]["score"] = 4.0;
  record["competencies"]["avoiding_advice"]["status"] = "proficient";
  resign(session, record);
  auto run = at(other, {"import", export_bundle("edited.tar.gz").string()});
  EXPECT_EQ(run.status, 0) << run.out << run.err;  // warnings
  EXPECT_NE(run.out.find("warning: sessions/casey/" + session.filename().string()), std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("avoiding_advice"), std::string::npos) << run.out;
  auto verify = at(other, {"verify"});
  EXPECT_EQ(verify.status, 1) << verify.out;
}

TEST_F(Bundles, KeyShowPrintsTheProgrammeKey) {
  std::string k = key();
  EXPECT_EQ(k.size(), 64u) << k;
  EXPECT_EQ(k, box.run({"key", "show"}).out.substr(0, 64));
  auto from_env = box.run({"key", "show"}, "", "ATTUNE_KEY=shared-secret");
  EXPECT_EQ(from_env.out, "shared-secret\n");
}

TEST_F(Bundles, DeleteIsADryRunUntilYesThenLeavesOthersVerifyingClean) {
  fs::path a = play(box, "tell-me-what-to-do.listening", "casey", records);
  play(box, "keep-it-between-us.safe", "casey", records);
  play(box, "tell-me-what-to-do.advice", "robin", records);
  ASSERT_EQ(at(records, {"review", a.stem().string(), "--sign-off", "--by", "sam"}).status, 0);
  // An unfinished session of each (a journal's header line names its trainee).
  std::ofstream(records / "journal" / "20261125T000000Z-cafe0001.jsonl") << R"({"trainee":"casey"})"
                                                                         << "\n";
  std::ofstream(records / "journal" / "20261125T000000Z-cafe0002.jsonl") << R"({"trainee":"robin"})"
                                                                         << "\n";
  auto before = files_under(records);
  auto dry = at(records, {"records", "delete", "--trainee", "casey"});
  EXPECT_EQ(dry.status, 0) << dry.err;
  EXPECT_NE(dry.out.find(a.string()), std::string::npos) << dry.out;
  EXPECT_NE(dry.out.find("--yes"), std::string::npos) << dry.out;
  EXPECT_EQ(files_under(records), before);

  auto real = at(records, {"records", "delete", "--trainee", "casey", "--yes", "--by", "sam"});
  EXPECT_EQ(real.status, 0) << real.out << real.err;
  auto after = files_under(records);
  for (const auto& f : after) EXPECT_EQ(f.find("casey"), std::string::npos) << f;
  EXPECT_FALSE(fs::exists(records / "reviews" / (a.stem().string() + ".jsonl")));
  EXPECT_FALSE(fs::exists(records / "journal" / "20261125T000000Z-cafe0001.jsonl"));
  EXPECT_TRUE(fs::exists(records / "journal" / "20261125T000000Z-cafe0002.jsonl"));
  EXPECT_FALSE(fs::exists(records / "progress" / "casey.progress.json"));
  EXPECT_TRUE(fs::exists(records / "progress" / "robin.progress.json"));
  // The copy robin's session uses stays; the one only casey played goes.
  json robin = json::parse(slurp(box.session_files(records).at(0)));
  EXPECT_TRUE(fs::exists(records / "scenarios" / (robin["scenario"]["sha256"].get<std::string>() + ".yaml")));
  std::size_t copies = 0;
  for (const auto& f : after) copies += f.rfind("scenarios/", 0) == 0 ? 1 : 0;
  EXPECT_EQ(copies, 1u);
  json audit = json::parse(slurp(records / "audit.jsonl"));
  EXPECT_EQ(audit["trainee"], "casey");
  EXPECT_EQ(audit["sessions"], 2);
  EXPECT_EQ(audit["by"], "sam");
  EXPECT_TRUE(audit.contains("when"));
  auto verify = at(records, {"verify"});
  EXPECT_EQ(verify.status, 0) << verify.out;
  EXPECT_NE(verify.out.find("Verified 1 session"), std::string::npos) << verify.out;
}

}  // namespace
}  // namespace attune::e2e
