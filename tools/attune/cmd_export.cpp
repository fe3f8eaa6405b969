// `attune export --out FILE [--trainee ID] [--since DATE]`: the finished sessions (with their
// review files and scenario copies) as a bundle, in a deterministic order.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <regex>
#include <set>

#include "attune/simulator/bundle.h"
#include "attune/simulator/records.h"
#include "attune/simulator/records_scan.h"
#include "attune/simulator/review_log.h"
#include "commands.h"
#include "records_context.h"

namespace attune::cli {
namespace fs = std::filesystem;

int run_export(const ExportOptions& options) {
  if (options.trainee && !sim::is_valid_trainee_id(*options.trainee)) {
    std::cerr << "attune export: '" << *options.trainee << "' is not a trainee id\n";
    return kUsageOrIo;
  }
  static const std::regex kDate(R"(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?Z?)?)");
  if (options.since && !std::regex_match(*options.since, kDate)) {
    std::cerr << "attune export: --since takes a date, YYYY-MM-DD (or an ISO 8601 UTC time)\n";
    return kUsageOrIo;
  }
  auto ctx = open_records(options.records, "export", true);
  if (!ctx) return kUsageOrIo;

  std::vector<sim::BundleSource> sessions;
  std::set<std::string> scenarios;
  std::set<std::string> trainees;
  std::vector<sim::BundleSource> reviews;
  int skipped = 0;
  sim::scan_sessions(
      sim::list_session_files(ctx->root, options.trainee), ctx->key,
      [&](sim::ScannedSession&& s) {
        const auto& r = s.record;
        if (!r.contains("ended") || !r["ended"].is_string()) return;  // unfinished: journals stay home
        if (options.since && r.value("started", "") < *options.since) return;
        sessions.push_back({s.file.path, "sessions/" + s.file.trainee + "/" + s.file.id + ".json"});
        trainees.insert(s.file.trainee);
        if (r.contains("scenario") && r["scenario"].is_object())
          scenarios.insert(r["scenario"].value("sha256", ""));
        std::string review = sim::review_path(ctx->root, s.file.id);
        if (fs::is_regular_file(review)) reviews.push_back({review, "reviews/" + s.file.id + ".jsonl"});
      },
      [&](const sim::ScanProblem& p) {
        ++skipped;
        std::cerr << "attune export: skipped " << p.path << ": " << p.message << "\n";
      });

  std::vector<sim::BundleSource> files = sessions;
  std::sort(reviews.begin(), reviews.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  files.insert(files.end(), reviews.begin(), reviews.end());
  for (const auto& sha : scenarios) {
    std::string path = ctx->root + "/scenarios/" + sha + ".yaml";
    if (!sim::is_bundle_layout_path("scenarios/" + sha + ".yaml") || !fs::is_regular_file(path)) {
      std::cerr << "attune export: warning: the scenario copy scenarios/" << sha
                << ".yaml is missing; sessions that need it will be rejected on import\n";
      continue;
    }
    files.push_back({path, "scenarios/" + sha + ".yaml"});
  }
  if (auto error = sim::write_bundle(options.out, files, {trainees.begin(), trainees.end()})) {
    std::cerr << "attune export: " << *error << "\n";
    return kUsageOrIo;
  }
  std::cout << "exported " << sessions.size() << (sessions.size() == 1 ? " session" : " sessions") << " ("
            << files.size() << " files) of " << trainees.size()
            << (trainees.size() == 1 ? " trainee" : " trainees") << " to " << options.out << "\n";
  if (skipped > 0) std::cout << skipped << " session files failed their checks and were left out\n";
  return kDone;
}

}  // namespace attune::cli
