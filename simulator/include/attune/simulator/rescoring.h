// Scores from a session record's codes: the supervisor's corrected view (overrides applied) and
// the re-derivation `verify` uses to catch scores edited after scoring. The rubric needs the risk
// nodes and focus list, which come from the session's scenario copy (`scenarios/SHA256.yaml`).
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "attune/scoring/rubric.h"
#include "attune/simulator/scenario.h"

namespace attune::sim {

// The scenario copies of a records directory, each loaded once (safe to share between threads).
class ScenarioCopies {
 public:
  // The text of the copy with this SHA-256, or nullopt when the store has none.
  using Source = std::function<std::optional<std::string>(const std::string& sha256)>;
  explicit ScenarioCopies(std::string records_root) : root_(std::move(records_root)) {}
  // Copies kept elsewhere (a PostgreSQL store's `scenarios` table).
  explicit ScenarioCopies(Source source) : source_(std::move(source)) {}
  // The copy played by a record (`scenario.sha256`), or null when it is missing or broken.
  const Scenario* find(const nlohmann::json& record);

 private:
  std::string root_;
  Source source_;
  std::mutex mutex_;
  std::map<std::string, std::optional<Scenario>> loaded_;  // a std::map: pointers stay valid
};

// Each turn's code names as the record holds them.
std::vector<std::vector<std::string>> recorded_codes(const nlohmann::json& record);

// The rubric's scores for the record's turns carrying `codes` (one list per turn). The risk nodes
// and focus come from `scenario`; without it, no turn counts as risk and focus is the record's.
// Unknown code names are ignored (verify reports them).
std::vector<scoring::CompetencyScore> score_codes(const nlohmann::json& record,
                                                  const std::vector<std::vector<std::string>>& codes,
                                                  const scoring::Rubric& rubric, const Scenario* scenario);

// A recorded competency as a score value (the record's `competencies.ID`).
scoring::CompetencyScore recorded_score(const std::string& id, const nlohmann::json& competency);

// Differences between the recorded competencies and `derived` ("reflective_listening: recorded
// 4.0, from the turns' codes 2.0"), empty when they agree.
std::vector<std::string> score_differences(const nlohmann::json& record,
                                           const std::vector<scoring::CompetencyScore>& derived);

// Re-derivation (PRODUCT.md, "Moving records between machines"): the record's turns replayed
// through the engine on its scenario copy, re-coded and re-scored. What differs from the record
// ("turn 2: recorded [advice], re-coded [open_question]"), empty when everything agrees. Only
// meaningful for a record scored by this coder version and rubric. The record is only borrowed:
// it is the same when this returns.
std::vector<std::string> rederivation_differences(nlohmann::json& record, const Scenario& scenario,
                                                  const scoring::Rubric& rubric);

}  // namespace attune::sim
