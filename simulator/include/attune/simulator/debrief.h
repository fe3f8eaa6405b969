// The debrief a trainee reads at the end (and a supervisor reads in review): per-turn codes with
// their evidence words, coach notes and better alternatives, the competency table and metrics.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "attune/simulator/scenario.h"

namespace attune::sim {

struct CrisisResource {
  std::string region;
  std::string name;
  std::string contact;
};

// assets/resources.yaml under the runtime home; empty when it cannot be read.
std::vector<CrisisResource> load_crisis_resources(const std::string& runtime_home);

// `scenario` may be null (a record whose scenario copy is gone): model responses are then omitted.
std::string render_debrief(const nlohmann::json& record, const Scenario* scenario,
                           const std::vector<CrisisResource>& resources);

}  // namespace attune::sim
