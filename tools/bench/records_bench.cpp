// attune_records_bench: the supervisors' targets (PRODUCT.md, "Performance targets"): `attune
// report` over 10,000 session records in under 3 s and 300 MB, `attune verify` in under 2 s,
// `attune export` and `attune import` (into an empty directory, re-deriving) each in under 10 s.
// Generates the records once (attune_gen_records), then runs the real commands and reports each
// one's wall time and peak memory (wait4's ru_maxrss). Exit 1 when a target is missed.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace {

struct Run {
  int status = -1;
  double seconds = 0;
  long peak_mb = 0;
};

Run run(const std::vector<std::string>& args) {
  std::fflush(stdout);  // else the child inherits unwritten lines and prints them again
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
  Run r;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  r.peak_mb = usage.ru_maxrss / 1024;
  return r;
}

bool report(const char* what, const Run& r, double max_seconds, long max_mb) {
  bool ok = r.status == 0 && r.seconds <= max_seconds && r.peak_mb <= max_mb;
  std::printf("%-28s %6.2f s  %5ld MB  (target %.1f s, %ld MB)  exit %d  %s\n", what, r.seconds, r.peak_mb,
              max_seconds, max_mb, r.status, ok ? "ok" : "MISSED");
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  int sessions = argc > 1 ? std::atoi(argv[1]) : 10000;
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("attune-records-bench-" + std::to_string(::getpid()));
  std::string records = (dir / "records").string();
  ::setenv("ATTUNE_KEY", "attune-records-bench", 1);
  if (std::getenv("ATTUNE_HOME") == nullptr) ::setenv("ATTUNE_HOME", ATTUNE_SOURCE_DIR, 1);
  Run gen = run({ATTUNE_GEN_RECORDS, "--records", records, "--sessions", std::to_string(sessions),
                 "--trainees", "100"});
  std::printf("generated %d sessions in %.1f s\n", sessions, gen.seconds);
  bool ok = gen.status == 0;
  ok &= report("report --html --csv",
               run({ATTUNE_BINARY, "report", "--records", records, "--html", (dir / "r.html").string(),
                    "--csv", (dir / "r.csv").string()}),
               3.0, 300);
  ok &= report("report --csv",
               run({ATTUNE_BINARY, "report", "--records", records, "--csv", (dir / "r.csv").string()}), 3.0,
               300);
  ok &= report("report --html",
               run({ATTUNE_BINARY, "report", "--records", records, "--html", (dir / "r.html").string()}), 3.0,
               300);
  ok &= report("verify", run({ATTUNE_BINARY, "verify", "--records", records}), 2.0, 300);
  std::string bundle = (dir / "bundle.tar.gz").string();
  ok &= report("export", run({ATTUNE_BINARY, "export", "--records", records, "--out", bundle}), 10.0, 300);
  ok &= report("import (re-derivation)",
               run({ATTUNE_BINARY, "import", bundle, "--records", (dir / "imported").string()}), 10.0, 300);
  std::error_code ec;
  fs::remove_all(dir, ec);
  return ok ? 0 : 1;
}
