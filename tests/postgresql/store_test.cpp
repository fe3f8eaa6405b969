// The same store suite against both implementations of sim::RecordsBackend: the records directory
// and the PostgreSQL database (a fresh database on the throwaway cluster for each test).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <pqxx/pqxx>

#include "../simulator/test_support.h"
#include "attune/simulator/file_io.h"
#include "attune/simulator/pg_records.h"
#include "attune/simulator/records.h"
#include "attune/simulator/records_store.h"
#include "attune/simulator/records_sync.h"
#include "pg_cluster.h"
#include "sample_sessions.h"

namespace attune::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using sim::PutStatus;

// What the suite needs beyond the interface: a way to alter a stored record behind the store's back
// and to see whether a progress rebuild left something.
class StoreUnderTest {
 public:
  virtual ~StoreUnderTest() = default;
  virtual sim::RecordsBackend& store() = 0;
  virtual void tamper(const std::string& trainee, const std::string& id) = 0;
  virtual bool has_progress(const std::string& trainee) = 0;
};

class DirectoryStore final : public StoreUnderTest {
 public:
  DirectoryStore() : store_(sim::open_directory_records((dir_.path() / "records").string())) {
    EXPECT_EQ(store_->prepare(), std::nullopt);
  }
  sim::RecordsBackend& store() override { return *store_; }
  void tamper(const std::string& trainee, const std::string& id) override {
    fs::path path = dir_.path() / "records/sessions" / trainee / (id + ".json");
    auto text = sim::read_file(path.string(), 1 << 24).text.value();
    text.replace(text.find("\"mode\": \"practice\""), 18, "\"mode\": \"exam\"    ");
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  }
  bool has_progress(const std::string& trainee) override {
    return fs::exists(dir_.path() / "records/progress" / (trainee + ".progress.json"));
  }

 private:
  TempDir dir_;
  std::unique_ptr<sim::RecordsBackend> store_;
};

class PostgresStore final : public StoreUnderTest {
 public:
  PostgresStore() {
    url_ = PgCluster::instance().fresh_database("store");
    auto opened = sim::pg::open_postgresql_records(url_);
    EXPECT_EQ(opened.error, "");
    store_ = std::move(opened.backend);
  }
  sim::RecordsBackend& store() override { return *store_; }
  void tamper(const std::string&, const std::string& id) override {
    pqxx::connection connection(url_);
    pqxx::work work(connection);
    // As someone bypassing attune would: the text and its hash together (the schema checks they match).
    work.exec_params(
        "UPDATE sessions s SET record_text = x.t, record_sha256 = encode(sha256(convert_to(x.t, 'UTF8')), "
        "'hex') "
        "FROM (SELECT id, replace(record_text, '\"mode\": \"practice\"', '\"mode\": \"exam\"') AS t "
        "FROM sessions WHERE id = $1) x WHERE s.id = x.id",
        id);
    work.commit();
  }
  bool has_progress(const std::string& trainee) override {
    pqxx::connection connection(url_);
    pqxx::read_transaction read(connection);
    return read.exec_params("SELECT count(*) FROM progress WHERE trainee = $1", trainee)[0][0].as<int>() == 1;
  }

 private:
  std::string url_;
  std::unique_ptr<sim::RecordsBackend> store_;
};

struct DirectoryKind {
  static std::unique_ptr<StoreUnderTest> make() { return std::make_unique<DirectoryStore>(); }
  static bool skip(std::string&) { return false; }
};
struct PostgresKind {
  static std::unique_ptr<StoreUnderTest> make() { return std::make_unique<PostgresStore>(); }
  static bool skip(std::string& why) {
    auto& cluster = PgCluster::instance();
    why = cluster.problem();
    return cluster.binaries_missing();
  }
};

template <typename Kind>
class RecordsStoreSuite : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why;
    if (Kind::skip(why)) GTEST_SKIP() << why;
    if constexpr (std::is_same_v<Kind, PostgresKind>) {
      ASSERT_TRUE(PgCluster::instance().available()) << PgCluster::instance().problem();
    }
    subject_ = Kind::make();
  }
  sim::RecordsBackend& store() { return subject_->store(); }
  const SampleSessions& samples() { return SampleSessions::get(); }

  sim::PutResult put(const json& record) {
    return store().put_session(record, SampleSessions::text(record), samples().scenario_yaml());
  }

  std::unique_ptr<StoreUnderTest> subject_;
};

using Kinds = ::testing::Types<DirectoryKind, PostgresKind>;
class KindNames {
 public:
  template <typename T>
  static std::string GetName(int) {
    return std::is_same_v<T, DirectoryKind> ? "Directory" : "PostgreSQL";
  }
};
TYPED_TEST_SUITE(RecordsStoreSuite, Kinds, KindNames);

TYPED_TEST(RecordsStoreSuite, StoresSessionsAndListsThemByTraineeThenId) {
  const auto& s = this->samples();
  for (auto [id, trainee] : {std::pair{"s-3", "bo"}, {"s-1", "al"}, {"s-2", "bo"}}) {
    auto put = this->put(s.record(id, trainee));
    ASSERT_EQ(put.error, "");
    EXPECT_EQ(put.status, PutStatus::stored);
  }
  auto all = this->store().list_sessions(std::nullopt);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].id, "s-1");
  EXPECT_EQ(all[1].id, "s-2");
  EXPECT_EQ(all[2].id, "s-3");
  EXPECT_EQ(all[2].trainee, "bo");
  auto bo = this->store().list_sessions(std::string("bo"));
  ASSERT_EQ(bo.size(), 2u);
  EXPECT_EQ(bo[0].id, "s-2");
  auto found = this->store().find_session("s-2");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->trainee, "bo");
  EXPECT_FALSE(this->store().find_session("nope").has_value());
  EXPECT_EQ(this->store().scenario_yaml(s.scenario().sha256), s.scenario_yaml());
}

TYPED_TEST(RecordsStoreSuite, ScanVerifiesEveryRecordInOrder) {
  const auto& s = this->samples();
  for (int i = 0; i < 520; ++i)
    ASSERT_EQ(this->put(s.record("scan-" + std::to_string(1000 + i), "al", i)).error, "");
  auto sessions = this->store().list_sessions(std::nullopt);
  ASSERT_EQ(sessions.size(), 520u);
  std::vector<std::string> seen;
  int problems = 0;
  this->store().scan(
      sessions, s.key(), [](std::size_t, sim::ScannedSession& scanned) { scanned.record["seen"] = true; },
      [&](std::size_t i, sim::ScannedSession&& scanned) {
        EXPECT_EQ(scanned.file.id, sessions[i].id);
        EXPECT_TRUE(scanned.record["seen"].get<bool>());
        seen.push_back(scanned.record["id"]);
      },
      [&](const sim::ScanProblem&) { ++problems; });
  EXPECT_EQ(problems, 0);
  ASSERT_EQ(seen.size(), 520u);
  EXPECT_EQ(seen.front(), "scan-1000");
  EXPECT_EQ(seen.back(), "scan-1519");
}

TYPED_TEST(RecordsStoreSuite, ASessionWrittenTwiceIsStoredOnceAndDifferentBytesAreAConflict) {
  const auto& s = this->samples();
  json record = s.record("twice", "al");
  ASSERT_EQ(this->put(record).status, PutStatus::stored);
  auto again = this->put(record);
  EXPECT_EQ(again.error, "");
  EXPECT_EQ(again.status, PutStatus::unchanged);
  json other = s.record("twice", "al", 30);  // same id, other content
  auto conflict = this->put(other);
  EXPECT_EQ(conflict.error, "");
  EXPECT_EQ(conflict.status, PutStatus::conflict);
  ASSERT_EQ(this->store().list_sessions(std::nullopt).size(), 1u);
  auto kept = this->store().read_session(this->store().list_sessions(std::nullopt)[0], s.key());
  ASSERT_TRUE(kept.record.has_value()) << kept.problem;
  EXPECT_EQ((*kept.record)["started"], record["started"]);
}

TYPED_TEST(RecordsStoreSuite, ARecordAlteredBehindTheStoresBackFailsItsCheck) {
  const auto& s = this->samples();
  ASSERT_EQ(this->put(s.record("fine", "al")).error, "");
  ASSERT_EQ(this->put(s.record("altered", "al")).error, "");
  this->subject_->tamper("al", "altered");
  auto sessions = this->store().list_sessions(std::nullopt);
  std::vector<std::string> problems;
  int good = 0;
  this->store().scan(
      sessions, s.key(), nullptr, [&](std::size_t, sim::ScannedSession&&) { ++good; },
      [&](const sim::ScanProblem& p) { problems.push_back(p.path + ": " + p.message); });
  EXPECT_EQ(good, 1);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("altered"), std::string::npos);
  EXPECT_NE(problems[0].find("HMAC does not match"), std::string::npos);
}

TYPED_TEST(RecordsStoreSuite, ReviewsAreChainedAppendedAndSyncedOnlyAsAnExtension) {
  const auto& s = this->samples();
  ASSERT_EQ(this->put(s.record("reviewed", "al")).error, "");
  auto& store = this->store();
  EXPECT_FALSE(store.review_log("reviewed", s.key()).exists);
  sim::ReviewEntry first{"reviewed", "sup",      "2026-11-02T10:00:00Z", sim::ReviewKind::override_codes,
                         0,          {"advice"}, {"open_question"},      "asked, not told"};
  sim::ReviewEntry second{
      "reviewed", "sup", "2026-11-02T10:05:00Z", sim::ReviewKind::sign_off, std::nullopt, {}, {}, ""};
  ASSERT_EQ(store.append_review(first, s.key()), std::nullopt);
  auto one_line = store.review_text("reviewed").value();
  ASSERT_EQ(store.append_review(second, s.key()), std::nullopt);
  auto log = store.review_log("reviewed", s.key());
  EXPECT_TRUE(log.exists);
  EXPECT_TRUE(log.problems.empty()) << log.problems.front();
  ASSERT_EQ(log.entries.size(), 2u);
  EXPECT_EQ(log.entries[0].new_codes, std::vector<std::string>{"open_question"});
  EXPECT_EQ(log.entries[1].kind, sim::ReviewKind::sign_off);
  std::string both = store.review_text("reviewed").value();
  EXPECT_TRUE(both.starts_with(one_line));
  EXPECT_EQ(store.put_review_text("reviewed", "al", both).status, PutStatus::unchanged);
  EXPECT_EQ(store.put_review_text("reviewed", "al", one_line).status, PutStatus::conflict);
  sim::ReviewLog chained = sim::parse_review_log(both, "reviewed", s.key());
  std::string third = sim::review_line(second, chained, s.key()) + "\n";
  auto extended = store.put_review_text("reviewed", "al", both + third);
  EXPECT_EQ(extended.error, "");
  EXPECT_EQ(extended.status, PutStatus::stored);
  EXPECT_EQ(store.review_log("reviewed", s.key()).entries.size(), 3u);
  EXPECT_TRUE(store.orphan_reviews({"reviewed"}).empty());
}

TYPED_TEST(RecordsStoreSuite, ProgressIsRebuiltFromTheStoredSessions) {
  const auto& s = this->samples();
  ASSERT_EQ(this->put(s.record("p-1", "al")).error, "");
  ASSERT_EQ(this->put(s.record("p-2", "al", 60)).error, "");
  auto rebuilt = this->store().rebuild_progress("al", s.rubric(), s.key());
  EXPECT_EQ(rebuilt.error, std::nullopt);
  EXPECT_TRUE(rebuilt.skipped.empty());
  EXPECT_TRUE(this->subject_->has_progress("al"));
}

TYPED_TEST(RecordsStoreSuite, SyncFromADirectoryUploadsOnceAndThenFindsEverythingUnchanged) {
  const auto& s = this->samples();
  TempDir source_dir;
  auto source = sim::open_directory_records(source_dir.path().string());
  for (int i = 0; i < 40; ++i) {
    json record = s.record("sync-" + std::to_string(i), i % 2 == 0 ? "al" : "bo", i);
    ASSERT_EQ(source->put_session(record, SampleSessions::text(record), s.scenario_yaml()).error, "");
  }
  sim::ReviewEntry sign_off{
      "sync-3", "sup", "2026-11-02T10:00:00Z", sim::ReviewKind::sign_off, std::nullopt, {}, {}, ""};
  ASSERT_EQ(source->append_review(sign_off, s.key()), std::nullopt);
  // A record signed with another key is rejected, the rest go on.
  json forged = s.record("sync-forged", "al");
  forged["integrity"]["hmac_sha256"] = std::string(64, '0');
  ASSERT_EQ(source->put_session(forged, SampleSessions::text(forged), s.scenario_yaml()).error, "");

  auto first = sim::sync_records(*source, this->store(), s.key());
  EXPECT_EQ(first.error, "");
  EXPECT_EQ(first.uploaded, 40);
  EXPECT_EQ(first.unchanged, 0);
  EXPECT_EQ(first.rejected, 1);
  EXPECT_EQ(first.reviews_uploaded, 1);
  auto second = sim::sync_records(*source, this->store(), s.key());
  EXPECT_EQ(second.uploaded, 0);
  EXPECT_EQ(second.unchanged, 40);
  EXPECT_EQ(second.reviews_uploaded, 0);
  EXPECT_EQ(this->store().list_sessions(std::nullopt).size(), 40u);
  EXPECT_EQ(this->store().review_log("sync-3", s.key()).entries.size(), 1u);

  // Another machine's directory: one session new, one under a stored id with other content.
  TempDir other_dir;
  auto other = sim::open_directory_records(other_dir.path().string());
  for (const json& record : {s.record("sync-0", "al", 999), s.record("sync-new", "bo")})
    ASSERT_EQ(other->put_session(record, SampleSessions::text(record), s.scenario_yaml()).error, "");
  auto third = sim::sync_records(*other, this->store(), s.key());
  EXPECT_EQ(third.uploaded, 1);
  EXPECT_EQ(third.conflicts, 1);
  ASSERT_EQ(third.problems.size(), 1u);
  EXPECT_NE(third.problems[0].find("sync-0"), std::string::npos) << third.problems[0];
  EXPECT_EQ(this->store().list_sessions(std::nullopt).size(), 41u);
}

}  // namespace
}  // namespace attune::testing
