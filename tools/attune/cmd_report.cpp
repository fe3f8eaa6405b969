// `attune report`: cohort and trainee progress for supervisors, as one self-contained HTML file
// and/or a CSV for spreadsheets. Reads the records only; nothing is sent anywhere.
#include <iostream>

#include "attune/simulator/file_io.h"
#include "attune/simulator/records.h"
#include "commands.h"
#include "report_model.h"

namespace attune::cli {

int run_report(const ReportOptions& options) {
  if (options.trainee && !sim::is_valid_trainee_id(*options.trainee)) {
    std::cerr << "attune report: trainee id '" << *options.trainee
              << "' may hold only letters, digits, '.', '-' and '_'\n";
    return kUsageOrIo;
  }
  auto ctx = open_records(options.records, "report");
  if (!ctx) return kUsageOrIo;
  Cohort cohort = gather_cohort(*ctx, {options.trainee, options.html.has_value(), options.redact});
  if (auto failed = ctx->store->take_failure()) {
    std::cerr << "attune report: " << *failed << "\n";
    return kUsageOrIo;
  }
  if (ctx->store->keeps_report_digests()) {
    std::cerr << "attune report: " << cohort.from_digests
              << (cohort.from_digests == 1 ? " session" : " sessions") << " read from report digests, "
              << cohort.checked_in_full << " checked in full\n";
  }
  if (cohort.digest_problem) {
    std::cerr << "attune report: note: the digests of the sessions checked in full were not kept ("
              << *cohort.digest_problem << "); the next report checks them in full again\n";
  }
  for (const auto& p : cohort.skipped)
    std::cerr << "attune report: skipped " << p.path << ": " << p.message << "\n";
  if (cohort.sessions.empty()) {
    std::cerr << "attune report: no verified session records"
              << (options.trainee ? " of trainee " + *options.trainee : std::string()) << " in " << ctx->root
              << "\n";
  }
  // The reports hold trainees' data, so they are written private (0600) like the records.
  if (options.csv) {
    if (auto error = sim::write_file_atomically(*options.csv, report_csv(cohort))) {
      std::cerr << "attune report: " << *error << "\n";
      return kUsageOrIo;
    }
    std::cerr << "CSV report written: " << *options.csv << "\n";
  }
  if (options.html) {
    if (auto error = sim::write_file_atomically(*options.html, report_html(cohort, ctx->rubric))) {
      std::cerr << "attune report: " << *error << "\n";
      return kUsageOrIo;
    }
    std::cerr << "HTML report written: " << *options.html << "\n";
  }
  return kDone;
}

}  // namespace attune::cli
