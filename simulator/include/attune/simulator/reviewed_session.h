// A verified session record seen by a supervisor: the automatic scores as recorded, the review
// lines kept beside it, and the scores recomputed from the corrected codes. Progress files and
// reports are built from these.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "attune/scoring/rubric.h"
#include "attune/simulator/rescoring.h"
#include "attune/simulator/review_log.h"

namespace attune::sim {

struct ReviewedSession {
  std::string id;
  std::string trainee;
  std::string scenario_id;
  std::string scenario_title;
  std::string mode;
  std::string started;
  std::optional<std::string> ended;
  bool complete = false;
  std::optional<std::string> outcome;
  long long practice_seconds = 0;  // ended - started; 0 while unfinished
  // Finished in less wall-clock time than the quiet its own turns record (latency_ms, silence_ms):
  // a scripted play (`attune play --responses`), which no one sat through, so it has no practice
  // time to show.
  bool untimed = false;
  std::vector<scoring::CompetencyScore> automatic;  // as recorded, in the rubric's order
  std::vector<scoring::CompetencyScore> corrected;  // after overrides; equal to automatic without any
  std::vector<std::vector<std::string>> automatic_codes;
  std::vector<std::vector<std::string>> corrected_codes;
  std::vector<ReviewEntry> reviews;          // trusted review lines
  std::vector<std::string> review_problems;  // lines of the review file that fail verification
  std::optional<std::map<std::string, int>> self_rating;

  bool overridden() const;
  const ReviewEntry* sign_off() const;  // the latest sign-off, if any
};

// Builds the supervisor's view of a verified record (reads reviews/ID.jsonl under the key).
ReviewedSession review_session(const nlohmann::json& record, const std::string& records_root,
                               const scoring::Rubric& rubric, const std::string& key, ScenarioCopies& copies);
// The same from a review log already read (from any store).
ReviewedSession review_session(const nlohmann::json& record, ReviewLog log, const scoring::Rubric& rubric,
                               ScenarioCopies& copies);

// Seconds since the epoch of an ISO 8601 UTC time ("2026-11-25T00:31:04Z"), or nullopt.
std::optional<long long> parse_utc(const std::string& text);

}  // namespace attune::sim
