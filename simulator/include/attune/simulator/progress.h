// A trainee's progress file (`progress/TRAINEE.progress.json`, format `attune-progress/1`,
// docs/records.md): a pure function of their verified session records and reviews, so rebuilding
// it always gives the same bytes (sorted keys, no time of generation).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "attune/scoring/rubric.h"
#include "attune/simulator/records_scan.h"
#include "attune/simulator/reviewed_session.h"

namespace attune::sim {

inline constexpr int kMovingAverageSessions = 5;

// The progress of one trainee; `sessions` in any order (they are sorted by start time, then id).
nlohmann::json progress_json(const std::string& trainee, std::vector<const ReviewedSession*> sessions,
                             const scoring::Rubric& rubric);

std::string progress_path(const std::string& records_root, const std::string& trainee);

struct ProgressRebuild {
  std::string path;
  std::vector<ScanProblem> skipped;  // session files that were reported and left alone
  std::optional<std::string> error;  // the progress file could not be written
};

// Re-reads the trainee's sessions and reviews and rewrites their progress file atomically.
ProgressRebuild rebuild_progress(const std::string& records_root, const std::string& trainee,
                                 const scoring::Rubric& rubric, const std::string& key);

}  // namespace attune::sim
