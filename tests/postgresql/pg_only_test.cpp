// What only the PostgreSQL store has: migrations, many clients writing at once, row-level
// security, and play's fallback to the local directory when the database cannot be reached.
#include <gtest/gtest.h>

#include <atomic>
#include <pqxx/pqxx>
#include <thread>

#include "../e2e/run_attune.h"
#include "attune/simulator/pg_records.h"
#include "attune/simulator/records_store.h"
#include "attune/simulator/sha256.h"
#include "pg_cluster.h"
#include "sample_sessions.h"

namespace attune::testing {
namespace {

using nlohmann::json;

class PostgresOnly : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& cluster = PgCluster::instance();
    if (cluster.binaries_missing()) GTEST_SKIP() << cluster.problem();
    ASSERT_TRUE(cluster.available()) << cluster.problem();
  }
  static PgCluster& cluster() { return PgCluster::instance(); }
  static long long count(const std::string& url, const std::string& sql) {
    pqxx::connection connection(url);
    pqxx::read_transaction read(connection);
    return read.exec(sql)[0][0].as<long long>();
  }
  // ana-0..2, ben-0..2 and so on, written as the database's owner.
  static void put_three_sessions_each(const std::string& url, std::initializer_list<const char*> trainees) {
    const auto& samples = SampleSessions::get();
    auto admin = sim::pg::open_postgresql_records(url);
    ASSERT_NE(admin.backend, nullptr) << admin.error;
    for (const char* trainee : trainees) {
      for (int i = 0; i < 3; ++i) {
        json record = samples.record(std::string(trainee) + "-" + std::to_string(i), trainee, i);
        ASSERT_EQ(
            admin.backend->put_session(record, SampleSessions::text(record), samples.scenario_yaml()).error,
            "");
      }
    }
  }
  static e2e::Output attune(const std::vector<std::string>& args, const std::string& env = "") {
    e2e::Sandbox box;
    return box.run(args, "", "ATTUNE_KEY=attune-postgresql-tests " + env);
  }
};

TEST(PostgresUrl, NamesADatabaseOnlyWithItsSchemeAndNeverShowsAPassword) {
  EXPECT_TRUE(sim::is_postgresql_url("postgresql://ana@db/attune"));
  EXPECT_TRUE(sim::is_postgresql_url("postgres://db"));
  EXPECT_FALSE(sim::is_postgresql_url("/srv/records"));
  EXPECT_FALSE(sim::is_postgresql_url("postgresql-records"));
  EXPECT_EQ(sim::pg::redact_url("postgresql://ana:s3cret@db:5432/attune"), "postgresql://ana@db:5432/attune");
  EXPECT_EQ(sim::pg::redact_url("postgres://db/attune?sslmode=require&password=s3cret"),
            "postgres://db/attune?sslmode=require&password=***");
  EXPECT_EQ(sim::pg::redact_url("postgresql://ana@db/attune"), "postgresql://ana@db/attune");
}

TEST_F(PostgresOnly, MigrateCreatesTheSchemaOnceAndOpeningAnUnmigratedDatabaseSaysWhatToDo) {
  cluster().exec("postgres", "CREATE DATABASE unmigrated");
  std::string url = cluster().url("unmigrated");
  auto refused = sim::pg::open_postgresql_records(url);
  EXPECT_EQ(refused.backend, nullptr);
  EXPECT_NE(refused.error.find("attune db migrate"), std::string::npos) << refused.error;

  auto first = attune({"db", "migrate", "--records", url});
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_NE(first.out.find("schema version 2 (applied 1 2)"), std::string::npos) << first.out;
  auto second = attune({"db", "migrate", "--records", url});
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_NE(second.out.find("up to date, nothing applied"), std::string::npos) << second.out;
  EXPECT_EQ(count(url, "SELECT count(*) FROM schema_migrations"), 2);
  EXPECT_EQ(count(url,
                  "SELECT count(*) FROM pg_class WHERE relname = 'sessions' AND relrowsecurity AND "
                  "relforcerowsecurity"),
            1);
  EXPECT_NE(sim::pg::open_postgresql_records(url).backend, nullptr);

  auto unreachable = attune({"verify", "--records", "postgresql://postgres@127.0.0.1:1/none"});
  EXPECT_EQ(unreachable.status, 2);
  EXPECT_NE(unreachable.err.find("cannot connect to the records database"), std::string::npos)
      << unreachable.err;
}

// Version 2 on a database that already holds sessions at version 1: only migration 2 runs.
TEST_F(PostgresOnly, MigrateUpgradesAVersionOneDatabaseThatHoldsSessions) {
  std::string url = cluster().fresh_database("upgrade");
  std::string db = url.substr(url.rfind('/') + 1);
  cluster().exec(db, "DROP TABLE report_digests; DELETE FROM schema_migrations WHERE version = 2;");
  const auto& samples = SampleSessions::get();
  json record = samples.record("old-0", "ana");
  {
    pqxx::connection connection(url);
    pqxx::work work(connection);
    work.exec_params("INSERT INTO scenarios (sha256, yaml) VALUES ($1, $2)",
                     record["scenario"]["sha256"].get<std::string>(), samples.scenario_yaml());
    std::string text = SampleSessions::text(record);
    work.exec_params(
        "INSERT INTO sessions (id, trainee, scenario_id, scenario_sha256, mode, complete, body, record_text, "
        "record_sha256) VALUES ('old-0', 'ana', 'x', $1, 'practice', true, $2::jsonb, $3, "
        "encode(sha256(convert_to($3, 'UTF8')), 'hex'))",
        record["scenario"]["sha256"].get<std::string>(), record.dump(), text);
    work.commit();
  }
  auto upgraded = attune({"db", "migrate", "--records", url});
  ASSERT_EQ(upgraded.status, 0) << upgraded.err;
  EXPECT_NE(upgraded.out.find("schema version 2 (applied 2)"), std::string::npos) << upgraded.out;
  EXPECT_EQ(count(url, "SELECT count(*) FROM report_digests"), 0);
  EXPECT_THROW(cluster().exec(db, "UPDATE sessions SET record_text = record_text || ' '"), std::exception);
}

// 8 clients, each with its own connection, write 1,000 sessions each through the store's own write
// path; then all 8 race to write the same 100 sessions. Every session must be there exactly once,
// with its derived rows, and `attune verify` must find them all intact.
TEST_F(PostgresOnly, EightClientsWritingAThousandSessionsEachStoreEachOnceAndVerifyClean) {
  std::string url = cluster().fresh_database("concurrent");
  const auto& samples = SampleSessions::get();
  constexpr int kClients = 8;
  constexpr int kEach = 1000;
  constexpr int kShared = 100;
  std::atomic<int> stored{0}, unchanged{0}, failed{0}, conflicts{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      auto opened = sim::pg::open_postgresql_records(url);
      if (!opened.backend) {
        failed += kEach + kShared;
        return;
      }
      auto tally = [&](const sim::PutResult& r) {
        if (!r.error.empty())
          ++failed;
        else if (r.status == sim::PutStatus::stored)
          ++stored;
        else if (r.status == sim::PutStatus::unchanged)
          ++unchanged;
        else
          ++conflicts;
      };
      std::string trainee = "client-" + std::to_string(c);
      for (int i = 0; i < kEach; ++i) {
        json record = samples.record(trainee + "-" + std::to_string(i), trainee, i);
        tally(opened.backend->put_session(record, SampleSessions::text(record), samples.scenario_yaml()));
      }
      for (int i = 0; i < kShared; ++i) {
        json record = samples.record("shared-" + std::to_string(i), "client-shared", i);
        tally(opened.backend->put_session(record, SampleSessions::text(record), samples.scenario_yaml()));
      }
    });
  }
  for (auto& t : clients) t.join();
  EXPECT_EQ(failed, 0);
  EXPECT_EQ(conflicts, 0);
  EXPECT_EQ(stored, kClients * kEach + kShared);
  EXPECT_EQ(unchanged, (kClients - 1) * kShared);
  EXPECT_EQ(count(url, "SELECT count(*) FROM sessions"), kClients * kEach + kShared);
  EXPECT_EQ(count(url, "SELECT count(DISTINCT id) FROM sessions"), kClients * kEach + kShared);
  auto turns = static_cast<long long>(samples.record("x", "x")["turns"].size());
  EXPECT_EQ(count(url, "SELECT count(*) FROM turns"), turns * (kClients * kEach + kShared));
  EXPECT_EQ(count(url, "SELECT count(DISTINCT session_id) FROM competency_results"),
            kClients * kEach + kShared);

  auto verify = attune({"verify", "--records", url});
  EXPECT_EQ(verify.status, 0) << verify.out.substr(0, 2000) << verify.err;
  EXPECT_NE(verify.out.find("Verified 8100 sessions and 0 review files"), std::string::npos) << verify.out;
  EXPECT_NE(verify.out.find("all intact"), std::string::npos);
}

// Row-level security in the database, not checks in attune: each role connects as itself and
// asks for everything.
TEST_F(PostgresOnly, ATraineeReadsOnlyTheirOwnRowsAndASupervisorOnlyTheirTrainees) {
  std::string url = cluster().fresh_database("rls");
  std::string db = url.substr(url.rfind('/') + 1);
  const auto& samples = SampleSessions::get();
  ASSERT_NO_FATAL_FAILURE(put_three_sessions_each(url, {"ana", "ben"}));
  cluster().create_login_role("ana", "attune_trainee");
  cluster().create_login_role("ben", "attune_trainee");
  cluster().create_login_role("sam", "attune_supervisor");
  cluster().exec(db, "INSERT INTO supervision (supervisor, trainee) VALUES ('sam', 'ana');");
  std::string as_ana = cluster().url(db, "ana");
  std::string as_sam = cluster().url(db, "sam");

  // Plain SQL as ana: none of ben's rows, in any table.
  EXPECT_EQ(count(as_ana, "SELECT count(*) FROM sessions"), 3);
  EXPECT_EQ(count(as_ana, "SELECT count(*) FROM sessions WHERE trainee = 'ben'"), 0);
  EXPECT_EQ(count(as_ana, "SELECT count(*) FROM turns WHERE trainee <> 'ana'"), 0);
  EXPECT_EQ(count(as_ana, "SELECT count(*) FROM competency_results WHERE session_id LIKE 'ben-%'"), 0);
  // Through the store: the same.
  auto ana = sim::pg::open_postgresql_records(as_ana);
  ASSERT_NE(ana.backend, nullptr) << ana.error;
  EXPECT_EQ(ana.backend->list_sessions(std::nullopt).size(), 3u);
  EXPECT_FALSE(ana.backend->find_session("ben-0").has_value());
  EXPECT_EQ(ana.backend->session_text({"", "ben", "ben-0"}), std::nullopt);
  // ana cannot file a session as ben, nor add a review, nor read ben's progress.
  json as_ben = samples.record("ana-as-ben", "ben");
  auto refused = ana.backend->put_session(as_ben, SampleSessions::text(as_ben), samples.scenario_yaml());
  EXPECT_NE(refused.error.find("row-level security"), std::string::npos) << refused.error;
  sim::ReviewEntry self_review{
      "ana-0", "ana", "2026-11-02T10:00:00Z", sim::ReviewKind::sign_off, std::nullopt, {}, {}, ""};
  EXPECT_NE(ana.backend->append_review(self_review, samples.key()), std::nullopt);
  json own = samples.record("ana-new", "ana");
  EXPECT_EQ(ana.backend->put_session(own, SampleSessions::text(own), samples.scenario_yaml()).status,
            sim::PutStatus::stored);

  // sam supervises ana only: sees ana's 4, none of ben's, and can review ana's.
  EXPECT_EQ(count(as_sam, "SELECT count(*) FROM sessions"), 4);
  EXPECT_EQ(count(as_sam, "SELECT count(*) FROM sessions WHERE trainee = 'ben'"), 0);
  auto sam = sim::pg::open_postgresql_records(as_sam);
  ASSERT_NE(sam.backend, nullptr) << sam.error;
  sim::ReviewEntry sign_off{
      "ana-0", "sam", "2026-11-02T10:00:00Z", sim::ReviewKind::sign_off, std::nullopt, {}, {}, ""};
  EXPECT_EQ(sam.backend->append_review(sign_off, samples.key()), std::nullopt);
  EXPECT_EQ(count(as_ana, "SELECT count(*) FROM reviews"), 1);  // ana reads the review of her session

  // The supervisors' commands, unchanged, see what the role sees.
  auto verify = attune({"verify", "--records", as_sam});
  EXPECT_EQ(verify.status, 0) << verify.out << verify.err;
  EXPECT_NE(verify.out.find("Verified 4 sessions and 1 review file"), std::string::npos) << verify.out;
  auto review = attune({"review", "ben-0", "--records", as_sam});
  EXPECT_EQ(review.status, 2);
  EXPECT_NE(review.err.find("no session file or session id 'ben-0'"), std::string::npos) << review.err;
}

// The holes a review found in the policies stay shut: a temporary table cannot stand in for
// `supervision`, no row hangs under another trainee's session, a scenario text must match its
// hash, and the audit and `stored_by` cannot be forged.
TEST_F(PostgresOnly, PoliciesHoldAgainstShadowTablesForeignRowsFakeScenariosAndForgedAudit) {
  std::string url = cluster().fresh_database("rlsholes");
  std::string db = url.substr(url.rfind('/') + 1);
  const auto& samples = SampleSessions::get();
  {
    auto admin = sim::pg::open_postgresql_records(url);
    ASSERT_NE(admin.backend, nullptr) << admin.error;
    for (const char* trainee : {"ana", "ben"}) {
      json record = samples.record(std::string(trainee) + "-0", trainee, 0);
      ASSERT_EQ(
          admin.backend->put_session(record, SampleSessions::text(record), samples.scenario_yaml()).error,
          "");
    }
  }
  cluster().create_login_role("ana", "attune_trainee");
  cluster().create_login_role("ben", "attune_trainee");
  auto refused = [&](const std::string& role, const std::string& sql) {
    try {
      pqxx::connection connection(cluster().url(db, role));
      pqxx::work work(connection);
      work.exec(sql);
      work.commit();
      return std::string();
    } catch (const std::exception& e) {
      return std::string(e.what());
    }
  };
  // A temporary `supervision` of ben's own making shows him nothing of ana's.
  {
    pqxx::connection connection(cluster().url(db, "ben"));
    pqxx::work work(connection);
    work.exec("CREATE TEMP TABLE supervision (supervisor text, trainee text)");
    work.exec("INSERT INTO supervision VALUES ('ben', 'ana')");
    EXPECT_EQ(work.exec("SELECT count(*) FROM public.sessions WHERE trainee = 'ana'")[0][0].as<long long>(),
              0);
    EXPECT_EQ(work.exec("SELECT count(*) FROM sessions WHERE trainee = 'ana'")[0][0].as<long long>(), 0);
  }
  // Rows under ana's session, written as ben's: refused by the composite foreign key.
  EXPECT_NE(refused("ben",
                    "INSERT INTO turns (session_id, trainee, turn_index, codes) VALUES ('ana-0', 'ben', "
                    "99, '{}')"),
            "");
  EXPECT_NE(
      refused("ben",
              "INSERT INTO competency_results (session_id, trainee, competency, status) VALUES ('ana-0', "
              "'ben', 'x', 'scored')"),
      "");
  // A scenario text under a hash that is not its own.
  EXPECT_NE(refused("ben", "INSERT INTO scenarios (sha256, yaml) VALUES (repeat('a', 64), 'id: fake')"), "");
  // The audit says only what a role did itself, and stored_by is the writer.
  EXPECT_NE(refused("ben", "INSERT INTO audit (action, trainee, sessions) VALUES ('delete', 'ana', 5)"), "");
  EXPECT_NE(refused("ben", "INSERT INTO audit (action, trainee, sessions) VALUES ('sync', 'ana', 5)"), "");
  EXPECT_EQ(refused("ben", "INSERT INTO audit (action, trainee, sessions) VALUES ('sync', 'ben', 1)"), "");
  const std::string forged_by =
      "INSERT INTO sessions (id, trainee, scenario_id, scenario_sha256, mode, complete, body, record_text, "
      "record_sha256, stored_by) SELECT 'ben-forged', 'ben', scenario_id, scenario_sha256, mode, complete, "
      "body, "
      "record_text, record_sha256, 'ana' FROM sessions WHERE id = 'ben-0'";
  EXPECT_NE(refused("ben", forged_by), "");
}

// A report over the database reads sessions a supervisor's report has checked in full before from
// their signed digests, and writes the same CSV as checking every record: digests are made only by
// those who supervise the trainee, stop counting once the session is reviewed or its record text
// changes, and a digest altered in the database is checked in full and replaced.
TEST_F(PostgresOnly, ReportReadsSignedDigestsOfCheckedSessionsAndWritesTheSameCsv) {
  std::string url = cluster().fresh_database("digests");
  std::string db = url.substr(url.rfind('/') + 1);
  const auto& samples = SampleSessions::get();
  ASSERT_NO_FATAL_FAILURE(put_three_sessions_each(url, {"ana", "ben"}));
  cluster().create_login_role("ana", "attune_trainee");
  cluster().create_login_role("sam", "attune_supervisor");
  cluster().create_login_role("tess", "attune_supervisor");
  cluster().exec(db, "INSERT INTO supervision (supervisor, trainee) VALUES ('sam', 'ana'), ('tess', 'ana');");
  std::string as_ana = cluster().url(db, "ana");
  std::string as_sam = cluster().url(db, "sam");
  std::string as_tess = cluster().url(db, "tess");
  e2e::Sandbox box;
  std::string env = "ATTUNE_KEY=attune-postgresql-tests";
  int runs = 0;
  auto report = [&](const std::string& as, std::vector<std::string> extra = {}) {
    auto csv = box.root() / ("report-" + std::to_string(++runs) + ".csv");
    std::vector<std::string> args{"report", "--records", as, "--csv", csv.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    auto out = box.run(args, "", env);
    EXPECT_EQ(out.status, 0) << out.err;
    return std::pair{out.err, e2e::slurp(csv)};
  };
  auto digests = [&] { return count(url, "SELECT count(*) FROM report_digests"); };

  // A trainee's report checks in full and keeps no digest (a trainee may not make one), quietly.
  auto [ana_err, ana_csv] = report(as_ana);
  EXPECT_NE(ana_err.find("0 sessions read from report digests, 3 checked in full"), std::string::npos)
      << ana_err;
  EXPECT_EQ(ana_err.find("note:"), std::string::npos) << ana_err;
  EXPECT_EQ(digests(), 0);

  // The supervisor's first report checks in full and keeps a digest of each; the second reads them
  // and writes the same bytes, as does a report that checks everything (the HTML wants transcripts).
  auto [first_err, first_csv] = report(as_sam);
  EXPECT_NE(first_err.find("0 sessions read from report digests, 3 checked in full"), std::string::npos)
      << first_err;
  EXPECT_EQ(digests(), 3);
  auto [second_err, second_csv] = report(as_sam);
  EXPECT_NE(second_err.find("3 sessions read from report digests, 0 checked in full"), std::string::npos)
      << second_err;
  EXPECT_EQ(second_csv, first_csv);
  EXPECT_EQ(second_csv, ana_csv);
  auto [full_err, full_csv] = report(as_sam, {"--html", (box.root() / "report.html").string()});
  EXPECT_NE(full_err.find("0 sessions read from report digests, 3 checked in full"), std::string::npos)
      << full_err;
  EXPECT_EQ(full_csv, first_csv);
  // A report reads only the digests its own role made: everyone who makes them holds the key.
  auto [tess_err, tess_csv] = report(as_tess);
  EXPECT_NE(tess_err.find("0 sessions read from report digests, 3 checked in full"), std::string::npos)
      << tess_err;
  EXPECT_EQ(tess_csv, first_csv);
  EXPECT_EQ(digests(), 6);
  auto [trainee_err, trainee_csv] = report(as_ana);
  EXPECT_NE(trainee_err.find("0 sessions read from report digests, 3 checked in full"), std::string::npos)
      << trainee_err;
  EXPECT_EQ(trainee_csv, first_csv);

  // Only a supervisor of the trainee makes digests, in their own name.
  auto insert_as = [&](const std::string& as, const std::string& session, const std::string& trainee,
                       const std::string& made_by) {
    pqxx::connection connection(as);
    pqxx::work work(connection);
    work.exec_params(
        "INSERT INTO report_digests (session_id, trainee, format, rubric_sha256, record_sha256, digest, "
        "hmac, "
        "made_by) VALUES ($1, $2, 'x', repeat('0', 64), repeat('0', 64), '{}', '', $3)",
        session, trainee, made_by);
    work.commit();
  };
  EXPECT_THROW(insert_as(as_ana, "ana-0", "ana", "ana"), std::exception);
  EXPECT_THROW(insert_as(as_sam, "ben-0", "ben", "sam"), std::exception);
  EXPECT_THROW(insert_as(as_sam, "ana-0", "ana", "ana"), std::exception);
  EXPECT_NO_THROW(insert_as(as_sam, "ana-0", "ana", "sam"));

  // A digest altered in the database without the key fails its HMAC: that session is checked in
  // full, its digest replaced, and the CSV is what the records say.
  cluster().exec(db,
                 "UPDATE report_digests SET digest = replace(digest, '\"mode\":\"practice\"', "
                 "'\"mode\":\"exam\"') WHERE session_id = 'ana-1' AND made_by = 'sam' AND format <> 'x'");
  EXPECT_EQ(count(url, "SELECT count(*) FROM report_digests WHERE digest LIKE '%\"mode\":\"exam\"%'"), 1);
  auto [tampered_err, tampered_csv] = report(as_sam);
  EXPECT_NE(tampered_err.find("2 sessions read from report digests, 1 checked in full"), std::string::npos)
      << tampered_err;
  EXPECT_EQ(tampered_csv, first_csv);
  auto [mended_err, mended_csv] = report(as_sam);
  EXPECT_NE(mended_err.find("3 sessions read from report digests, 0 checked in full"), std::string::npos)
      << mended_err;

  // Redacted and one trainee's reports read the same digests and write what checking in full writes.
  auto [redacted_err, redacted_csv] = report(as_sam, {"--redact"});
  EXPECT_NE(redacted_err.find("3 sessions read from report digests, 0 checked in full"), std::string::npos)
      << redacted_err;
  EXPECT_EQ(redacted_csv.find("\nana,"), std::string::npos);  // the trainee column holds placeholders
  EXPECT_NE(redacted_csv.find("\ntrainee-"), std::string::npos);
  auto [redacted_full_err, redacted_full_csv] =
      report(as_sam, {"--redact", "--html", (box.root() / "redacted.html").string()});
  EXPECT_EQ(redacted_csv, redacted_full_csv);
  auto [one_err, one_csv] = report(as_sam, {"--trainee", "ana"});
  EXPECT_NE(one_err.find("3 sessions read from report digests, 0 checked in full"), std::string::npos)
      << one_err;
  EXPECT_EQ(one_csv, first_csv);

  // A key holder can re-sign what they alter, but only in their own digests, which no one else's
  // report reads; they cannot touch another supervisor's.
  {
    pqxx::connection connection(as_sam);
    pqxx::work work(connection);
    auto row = work.exec(
        "SELECT replace(digest, '\"mode\":\"practice\"', '\"mode\":\"exam\"') FROM report_digests "
        "WHERE session_id = 'ana-1' AND made_by = 'sam' AND format <> 'x'");
    ASSERT_EQ(row.size(), 1u);
    std::string forged = row[0][0].c_str();
    EXPECT_EQ(work.exec_params("UPDATE report_digests SET digest = $1, hmac = $2 WHERE session_id = 'ana-1' "
                               "AND made_by = 'sam' AND format <> 'x'",
                               forged, sim::hmac_sha256_hex(samples.key(), forged))
                  .affected_rows(),
              1);
    EXPECT_EQ(work.exec("UPDATE report_digests SET digest = '{}' WHERE made_by = 'tess'").affected_rows(), 0);
    EXPECT_THROW(work.exec("UPDATE report_digests SET made_by = 'tess' WHERE made_by = 'sam'"),
                 std::exception);
  }
  auto [after_forgery_err, after_forgery_csv] = report(as_tess);
  EXPECT_NE(after_forgery_err.find("3 sessions read from report digests, 0 checked in full"),
            std::string::npos)
      << after_forgery_err;
  EXPECT_EQ(after_forgery_csv, first_csv);

  cluster().exec(db, "DELETE FROM report_digests WHERE session_id = 'ana-1' AND made_by = 'sam'");

  // A reviewed session is checked in full (its corrected scores), the others still come from digests.
  auto sam = sim::pg::open_postgresql_records(as_sam);
  ASSERT_NE(sam.backend, nullptr) << sam.error;
  sim::ReviewEntry sign_off{
      "ana-2", "sam", "2026-11-02T10:00:00Z", sim::ReviewKind::sign_off, std::nullopt, {}, {}, "looked at"};
  ASSERT_EQ(sam.backend->append_review(sign_off, samples.key()), std::nullopt);
  auto [reviewed_err, reviewed_csv] = report(as_sam);
  EXPECT_NE(reviewed_err.find("1 session read from report digests, 2 checked in full"), std::string::npos)
      << reviewed_err;
  auto [reviewed_full_err, reviewed_full_csv] = report(as_sam, {"--html", (box.root() / "r.html").string()});
  EXPECT_EQ(reviewed_csv, reviewed_full_csv);

  // A record text changed behind attune's back (hash and all) is no longer its digest's: checked in
  // full, it fails its HMAC and is left out.
  EXPECT_THROW(cluster().exec(db, "UPDATE sessions SET record_text = record_text || ' ' WHERE id = 'ana-0'"),
               std::exception);
  cluster().exec(db,
                 "UPDATE sessions SET record_text = replace(record_text, '\"practice\"', '\"exam\"'), "
                 "record_sha256 = encode(sha256(convert_to(replace(record_text, '\"practice\"', "
                 "'\"exam\"'), 'UTF8')), 'hex') WHERE id = 'ana-0'");
  auto [altered_err, altered_csv] = report(as_sam);
  EXPECT_NE(altered_err.find("1 session read from report digests, 1 checked in full"), std::string::npos)
      << altered_err;
  EXPECT_NE(altered_err.find("ana-0"), std::string::npos) << altered_err;
  EXPECT_NE(altered_err.find("HMAC"), std::string::npos) << altered_err;
  EXPECT_EQ(altered_csv.find("ana-0"), std::string::npos);

  // An administrator's digests (a nightly report, say) serve every reader: a supervisor new to the
  // trainee reads them on her first report. A fellow supervisor's never do (tess read none of sam's).
  cluster().create_login_role("pat", "attune_admin");
  cluster().create_login_role("uma", "attune_supervisor");
  cluster().exec(db, "INSERT INTO supervision (supervisor, trainee) VALUES ('uma', 'ana');");
  auto [admin_err, admin_csv] = report(cluster().url(db, "pat"));
  // ben's three, ana-1 and the reviewed ana-2 checked in full (ana-0 fails its check); the four
  // unreviewed ones get pat's digests.
  EXPECT_NE(admin_err.find("0 sessions read from report digests, 5 checked in full"), std::string::npos)
      << admin_err;
  EXPECT_EQ(count(url, "SELECT count(*) FROM report_digests WHERE made_by = 'pat'"), 4);
  auto [uma_err, uma_csv] = report(cluster().url(db, "uma"));
  EXPECT_NE(uma_err.find("1 session read from report digests, 1 checked in full"), std::string::npos)
      << uma_err;
  EXPECT_EQ(uma_csv, altered_csv);
}

// play keeps its journal and record in the local directory; when the database cannot be reached
// the record waits there and `attune sync` uploads it later, once.
TEST_F(PostgresOnly, PlayFallsBackToTheLocalDirectoryAndSyncUploadsItOnce) {
  std::string url = cluster().fresh_database("fallback");
  e2e::Sandbox box;
  std::string source = ATTUNE_SOURCE_DIR;
  std::string local = (box.root() / "local").string();
  std::string env = "ATTUNE_KEY=attune-postgresql-tests ATTUNE_LOCAL_RECORDS=" + e2e::quote(local);
  auto offline = box.run({"play", source + "/scenarios/tell-me-what-to-do.yaml", "--responses",
                          source + "/tests/fixtures/plays/tell-me-what-to-do.listening.txt", "--trainee",
                          "casey", "--records", "postgresql://postgres@127.0.0.1:1/nowhere"},
                         "", env);
  ASSERT_EQ(offline.status, 0) << offline.err;
  EXPECT_NE(offline.err.find("could not upload the session"), std::string::npos) << offline.err;
  EXPECT_NE(offline.err.find("attune sync --from " + local), std::string::npos) << offline.err;
  ASSERT_EQ(box.session_files(local).size(), 1u);

  auto sync = box.run({"sync", "--from", local, "--to", url}, "", env);
  ASSERT_EQ(sync.status, 0) << sync.out << sync.err;
  EXPECT_NE(sync.out.find("uploaded 1, unchanged 0, conflicts 0, rejected 0"), std::string::npos) << sync.out;
  auto again = box.run({"sync", "--to", url}, "", env);  // --from defaults to the local directory
  ASSERT_EQ(again.status, 0) << again.out << again.err;
  EXPECT_NE(again.out.find("uploaded 0, unchanged 1"), std::string::npos) << again.out;
  EXPECT_EQ(count(url, "SELECT count(*) FROM sessions WHERE trainee = 'casey'"), 1);
  EXPECT_EQ(count(url, "SELECT count(*) FROM progress WHERE trainee = 'casey'"), 1);
  EXPECT_EQ(count(url, "SELECT count(*) FROM audit WHERE action = 'sync' AND trainee = 'casey'"), 1);

  // Online, the record goes straight up, and the report reads it back from the database.
  auto online = box.run({"play", source + "/scenarios/tell-me-what-to-do.yaml", "--responses",
                         source + "/tests/fixtures/plays/tell-me-what-to-do.advice.txt", "--trainee", "casey",
                         "--records", url},
                        "", env);
  ASSERT_EQ(online.status, 0) << online.err;
  EXPECT_NE(online.err.find("Session record uploaded to " + url), std::string::npos) << online.err;
  EXPECT_EQ(count(url, "SELECT count(*) FROM sessions WHERE trainee = 'casey'"), 2);
  auto csv = box.root() / "report.csv";
  auto report = box.run({"report", "--records", url, "--csv", csv.string()}, "", env);
  ASSERT_EQ(report.status, 0) << report.err;
  EXPECT_NE(e2e::slurp(csv).find("casey"), std::string::npos);
}

}  // namespace
}  // namespace attune::testing
