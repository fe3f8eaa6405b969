// `attune sync`: uploads a records directory's finished sessions and reviews to the programme's
// PostgreSQL database — the sessions `play` kept on this machine while the database could not be
// reached, or a whole existing directory (`--from DIR`). Idempotent: what is there already is
// counted `unchanged`, never stored twice.
#include <iostream>

#include "attune/simulator/pg_records.h"
#include "attune/simulator/records_sync.h"
#include "attune/simulator/runtime_paths.h"
#include "commands.h"
#include "records_context.h"

namespace attune::cli {

int run_sync(const SyncOptions& options) {
  std::string to = options.to.value_or(sim::records_dir(options.records));
  if (!sim::is_postgresql_url(to)) {
    std::cerr
        << "attune sync: say which PostgreSQL database to upload to with --to postgresql://USER@HOST/DB "
           "(or set $ATTUNE_RECORDS to it)\n";
    return kUsageOrIo;
  }
  std::string from = options.from.value_or(sim::fallback_records_dir());
  if (sim::is_postgresql_url(from)) {
    std::cerr << "attune sync: --from takes a records directory, not a database URL\n";
    return kUsageOrIo;
  }
  auto ctx = open_records(to, "sync");
  if (!ctx) return kUsageOrIo;
  auto source = sim::open_directory_records(from);
  auto report = sim::sync_records(*source, *ctx->store, ctx->key);
  for (const auto& p : report.problems) std::cout << p << "\n";
  for (const auto& trainee : report.trainees_changed) {
    auto rebuilt = ctx->store->rebuild_progress(trainee, ctx->rubric, ctx->key);
    if (rebuilt.error)
      std::cerr << "attune sync: cannot update " << rebuilt.path << ": " << *rebuilt.error << "\n";
  }
  std::cout << "uploaded " << report.uploaded << ", unchanged " << report.unchanged << ", conflicts "
            << report.conflicts << ", rejected " << report.rejected << " (from " << from << " to "
            << ctx->root << "; review logs extended " << report.reviews_uploaded << ")\n";
  if (!report.error.empty()) {
    std::cerr << "attune sync: stopped: " << report.error
              << "\nNothing is lost: run attune sync again once the database can be reached.\n";
    return kUsageOrIo;
  }
  return report.conflicts == 0 && report.rejected == 0 ? kDone : kBadContent;
}

int run_db_migrate(const DbMigrateOptions& options) {
  std::string url = sim::records_dir(options.records);
  if (!sim::is_postgresql_url(url)) {
    std::cerr << "attune db migrate: give the database with --records postgresql://USER@HOST/DB (or set "
                 "$ATTUNE_RECORDS); a records directory needs no migration\n";
    return kUsageOrIo;
  }
  auto result = sim::pg::migrate(url);
  if (!result.error.empty()) {
    std::cerr << "attune db migrate: " << result.error << "\n";
    return kUsageOrIo;
  }
  std::cout << sim::pg::redact_url(url) << ": schema version " << result.version;
  if (result.applied.empty()) {
    std::cout << " (up to date, nothing applied)\n";
  } else {
    std::cout << " (applied";
    for (int v : result.applied) std::cout << " " << v;
    std::cout << ")\n";
  }
  return kDone;
}

}  // namespace attune::cli
