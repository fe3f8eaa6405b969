// attune_pg_bench: the PostgreSQL records store (docs/scale.md). Google Benchmark measures
// sustained session writes per second through the store's own write path (one transaction a
// session, one connection per client thread); then the database is filled to 100,000 sessions and
// the real `attune report` (and `verify`) run against it, timed with their peak memory: the first
// report checks every record in full and keeps report digests, the next reads them. The target is
// report over 100,000 sessions in under 5 s. The server is a throwaway cluster on a free local
// port (as in the tests), or the database in $ATTUNE_BENCH_PG (it must be migrated and empty).
//   attune_pg_bench [--report-sessions N] [Google Benchmark flags]
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <pqxx/pqxx>
#include <string>
#include <thread>
#include <vector>

#include "../../tests/postgresql/pg_cluster.h"
#include "../../tests/postgresql/sample_sessions.h"
#include "attune/simulator/pg_records.h"

namespace {

using attune::testing::SampleSessions;

std::string g_url;
std::atomic<long> g_next_id{0};

void BM_SessionWrites(benchmark::State& state) {
  auto opened = attune::sim::pg::open_postgresql_records(g_url);
  if (!opened.backend) {
    state.SkipWithError(opened.error.c_str());
    return;
  }
  const auto& samples = SampleSessions::get();
  // The records are made (and signed) 500 at a time outside the timed part: only writes are measured.
  std::vector<nlohmann::json> records;
  std::vector<std::string> texts;
  std::size_t used = 0;
  auto make_more = [&] {
    records.clear();
    texts.clear();
    for (int k = 0; k < 500; ++k) {
      long id = g_next_id++;
      records.push_back(samples.record("bench-" + std::to_string(id), "writer-" + std::to_string(id % 50),
                                       static_cast<int>(id % 40000)));
      texts.push_back(SampleSessions::text(records.back()));
    }
    used = 0;
  };
  make_more();
  for (auto _ : state) {
    if (used == records.size()) {
      state.PauseTiming();
      make_more();
      state.ResumeTiming();
    }
    auto put = opened.backend->put_session(records[used], texts[used], samples.scenario_yaml());
    ++used;
    if (!put.error.empty() || put.status != attune::sim::PutStatus::stored) {
      state.SkipWithError(put.error.empty() ? "not stored" : put.error.c_str());
      break;
    }
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SessionWrites)->Threads(1)->Threads(2)->Threads(4)->Threads(8)->UseRealTime()->MinTime(3.0);

long count_sessions(const std::string& url) {
  pqxx::connection connection(url);
  pqxx::read_transaction read(connection);
  return read.exec("SELECT count(*) FROM sessions")[0][0].as<long>();
}

// Tops the database up to `target` sessions through the store (batched: 256 a transaction, on as
// many client threads as cores), so report has a realistic cohort: 500 trainees, one scenario.
void fill(const std::string& url, long target) {
  long have = count_sessions(url);
  unsigned clients = std::max(2u, std::thread::hardware_concurrency());
  std::atomic<long> next{have};
  auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (unsigned c = 0; c < clients; ++c) {
    threads.emplace_back([&] {
      auto opened = attune::sim::pg::open_postgresql_records(url);
      if (!opened.backend) return;
      const auto& samples = SampleSessions::get();
      for (;;) {
        long begin = next.fetch_add(256);
        if (begin >= target) break;
        long end = std::min(target, begin + 256);
        std::vector<nlohmann::json> records;
        std::vector<std::string> texts;
        records.reserve(static_cast<std::size_t>(end - begin));
        texts.reserve(records.capacity());
        std::vector<attune::sim::RecordsBackend::SessionPut> puts;
        for (long i = begin; i < end; ++i) {
          records.push_back(samples.record("cohort-" + std::to_string(1000000 + i),
                                           "trainee-" + std::to_string(i % 500),
                                           static_cast<int>(i % 40000)));
          texts.push_back(SampleSessions::text(records.back()));
        }
        for (std::size_t k = 0; k < records.size(); ++k)
          puts.push_back({&records[k], &texts[k], &samples.scenario_yaml()});
        opened.backend->put_sessions(puts);
      }
    });
  }
  for (auto& t : threads) t.join();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  long now = count_sessions(url);
  std::printf("filled to %ld sessions (%ld written in %.1f s, %.0f sessions/s batched on %u clients)\n", now,
              now - have, seconds, static_cast<double>(now - have) / seconds, clients);
}

// A supervisor role 'sam' assigned every trainee, on the throwaway cluster; "" on $ATTUNE_BENCH_PG.
std::string supervisor_url(const attune::testing::PgCluster& cluster) {
  if (!cluster.available()) return {};
  std::string db = g_url.substr(g_url.rfind('/') + 1);
  cluster.create_login_role("sam", "attune_supervisor");
  cluster.exec(db,
               "INSERT INTO supervision (supervisor, trainee) SELECT DISTINCT 'sam', trainee FROM sessions "
               "ON CONFLICT DO NOTHING");
  return cluster.url(db, "sam");
}

// The first report is measured checking every session, as a new cohort's first report does.
void clear_digests(const std::string& url) {
  pqxx::connection connection(url);
  pqxx::work work(connection);
  work.exec("DELETE FROM report_digests");
  work.commit();
}

struct Timed {
  int status = -1;
  double seconds = 0;
  long peak_mb = 0;
};

Timed run(const std::vector<std::string>& args) {
  std::fflush(stdout);
  auto start = std::chrono::steady_clock::now();
  pid_t pid = ::fork();
  if (pid == 0) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    std::freopen("/dev/null", "w", stdout);
    ::execv(argv[0], argv.data());
    std::_Exit(127);
  }
  int status = 0;
  rusage usage{};
  ::wait4(pid, &status, 0, &usage);
  Timed t;
  t.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  t.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  t.peak_mb = usage.ru_maxrss / 1024;
  return t;
}

bool show(const char* what, const Timed& t, double target) {
  bool ok = t.status == 0 && (target <= 0 || t.seconds <= target);
  std::printf("%-34s %6.2f s  %5ld MB  exit %d", what, t.seconds, t.peak_mb, t.status);
  if (target > 0) std::printf("  (target %.1f s) %s", target, ok ? "ok" : "MISSED");
  std::printf("\n");
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  long report_sessions = 100000;
  std::vector<char*> rest{argv[0]};
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--report-sessions") == 0 && i + 1 < argc) {
      report_sessions = std::atol(argv[++i]);
    } else {
      rest.push_back(argv[i]);
    }
  }
  ::setenv("ATTUNE_KEY", "attune-pg-bench", 1);
  if (std::getenv("ATTUNE_HOME") == nullptr) ::setenv("ATTUNE_HOME", ATTUNE_SOURCE_DIR, 1);
  auto& cluster = attune::testing::PgCluster::instance();
  if (const char* url = std::getenv("ATTUNE_BENCH_PG"); url != nullptr && *url != '\0') {
    g_url = url;
  } else {
    cluster.start();
    if (!cluster.available()) {
      std::fprintf(stderr, "attune_pg_bench: %s\n", cluster.problem().c_str());
      return 2;
    }
    g_url = cluster.fresh_database("bench");
  }
  int rest_argc = static_cast<int>(rest.size());
  benchmark::Initialize(&rest_argc, rest.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();

  bool ok = true;
  if (report_sessions > 0) {
    fill(g_url, report_sessions);
    std::string dir = "/tmp/attune-pg-bench-" + std::to_string(::getpid());
    std::string csv = dir + ".csv";
    std::string html = dir + ".html";
    // Reports run as a supervisor of every trainee, so row-level security is paid for as in use.
    std::string as_supervisor = supervisor_url(cluster);
    if (!as_supervisor.empty()) {
      std::printf("reports as supervisor 'sam' (row-level security applies)\n");
    } else {
      as_supervisor = g_url;
      std::printf("reports as the $ATTUNE_BENCH_PG role\n");
    }
    clear_digests(g_url);
    show("report --csv, first (checks all)",
         run({ATTUNE_BINARY, "report", "--records", as_supervisor, "--csv", csv}), 0);
    ok &= show("report --csv, again (digests)",
               run({ATTUNE_BINARY, "report", "--records", as_supervisor, "--csv", csv}), 5.0);
    show("report --csv --html (checks all)",
         run({ATTUNE_BINARY, "report", "--records", as_supervisor, "--csv", csv, "--html", html}), 0);
    if (as_supervisor != g_url) {
      // A scheduled administrator's report (here the superuser, a member of every role) makes
      // digests every supervisor's report reads, so a supervisor's first report is fast too.
      clear_digests(g_url);
      show("report --csv, administrator", run({ATTUNE_BINARY, "report", "--records", g_url, "--csv", csv}),
           0);
      ok &= show("report --csv, supervisor after it",
                 run({ATTUNE_BINARY, "report", "--records", as_supervisor, "--csv", csv}), 5.0);
    }
    show("verify (re-derives every session)", run({ATTUNE_BINARY, "verify", "--records", g_url}), 0);
    std::remove(csv.c_str());
    std::remove(html.c_str());
  }
  cluster.stop();
  return ok ? 0 : 1;
}
