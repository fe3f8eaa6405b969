#include "attune/simulator/records_sync.h"

#include <algorithm>
#include <map>
#include <optional>

namespace attune::sim {
namespace {

constexpr std::size_t kBatch = 256;  // sessions checked together and written in one transaction

bool unreachable(const std::string& error) {
  return error.find("lost the connection") != std::string::npos ||
         error.find("cannot connect") != std::string::npos;
}

}  // namespace

SyncReport sync_records(RecordsBackend& from, RecordsBackend& to, const std::string& key) {
  SyncReport report;
  auto sessions = from.list_sessions(std::nullopt);
  if (auto failed = from.take_failure()) {
    report.error = *failed;
    return report;
  }
  std::map<std::string, std::optional<std::string>> scenarios;  // by SHA-256, read once each
  std::map<std::string, int> uploaded_by_trainee;
  unsigned workers = scan_workers();
  for (std::size_t begin = 0; begin < sessions.size() && report.error.empty(); begin += kBatch) {
    std::size_t end = std::min(sessions.size(), begin + kBatch);
    std::vector<std::optional<std::string>> texts(end - begin);
    for (std::size_t k = 0; k < texts.size(); ++k) texts[k] = from.session_text(sessions[begin + k]);
    std::vector<SessionCheck> checks(end - begin);
    parallel_for(end - begin, workers, [&](std::size_t k) {
      if (!texts[k]) {
        checks[k].problem = "cannot be read";
        return;
      }
      checks[k] = check_session_text(*texts[k], sessions[begin + k], key);
    });
    std::vector<RecordsBackend::SessionPut> puts;
    std::vector<std::size_t> put_index;
    for (std::size_t k = 0; k < checks.size(); ++k) {
      const SessionFile& file = sessions[begin + k];
      if (!checks[k].record) {
        ++report.rejected;
        report.problems.push_back(file.path + ": rejected: " + checks[k].problem +
                                  (checks[k].problem.find("HMAC") != std::string::npos
                                       ? " (set $ATTUNE_KEY to the programme key: attune key show)"
                                       : ""));
        continue;
      }
      const auto& record = *checks[k].record;
      std::string sha = record.contains("scenario") && record["scenario"].is_object()
                            ? record["scenario"].value("sha256", "")
                            : "";
      auto it = scenarios.find(sha);
      if (it == scenarios.end()) it = scenarios.emplace(sha, from.scenario_yaml(sha)).first;
      if (!it->second) {
        ++report.rejected;
        report.problems.push_back(file.path + ": rejected: its scenario copy (scenarios/" + sha +
                                  ".yaml) is missing");
        continue;
      }
      puts.push_back({&record, &*texts[k], &*it->second});
      put_index.push_back(begin + k);
    }
    auto results = to.put_sessions(puts);
    for (std::size_t p = 0; p < results.size(); ++p) {
      const SessionFile& file = sessions[put_index[p]];
      const PutResult& r = results[p];
      if (!r.error.empty()) {
        if (unreachable(r.error)) {
          report.error = r.error;
          break;
        }
        ++report.rejected;
        report.problems.push_back(file.path + ": rejected: " + r.error);
        continue;
      }
      if (r.status == PutStatus::conflict) {
        ++report.conflicts;
        report.problems.push_back(file.path + ": conflict: " + to.location() +
                                  " holds a different session with this id (kept as it is)");
        continue;
      }
      if (r.status == PutStatus::stored) {
        ++report.uploaded;
        ++uploaded_by_trainee[file.trainee];
        report.trainees_changed.insert(file.trainee);
      } else {
        ++report.unchanged;
      }
      // The session is there now: its reviews follow, when the stored ones are their prefix.
      auto reviews = from.review_text(file.id);
      if (!reviews) continue;
      auto log = parse_review_log(reviews, file.id, key);
      if (!log.problems.empty()) {
        ++report.rejected;
        report.problems.push_back(from.review_location(file.id) +
                                  ": rejected: fails verification: " + log.problems.front());
        continue;
      }
      auto put = to.put_review_text(file.id, file.trainee, *reviews);
      if (!put.error.empty()) {
        ++report.rejected;
        report.problems.push_back(from.review_location(file.id) + ": rejected: " + put.error);
      } else if (put.status == PutStatus::conflict) {
        ++report.conflicts;
        report.problems.push_back(from.review_location(file.id) + ": conflict: the review lines in " +
                                  to.location() + " diverge from these (kept as they are)");
      } else if (put.status == PutStatus::stored) {
        ++report.reviews_uploaded;
        report.trainees_changed.insert(file.trainee);
      }
    }
  }
  for (const auto& [trainee, count] : uploaded_by_trainee) {
    if (auto error = to.audit_upload(trainee, count)) {
      report.problems.push_back(to.location() + ": cannot note the upload in the audit trail: " + *error);
    }
  }
  return report;
}

}  // namespace attune::sim
