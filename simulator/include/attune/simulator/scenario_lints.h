// The checks `attune check` adds on top of loading: whether the scenario can really test what
// it claims. They need the coder, the engine or the rubric, so loading (and `play`) skips them.
#pragma once

#include <string>

#include "attune/scoring/diagnostics.h"
#include "attune/scoring/rubric.h"
#include "attune/simulator/scenario.h"

namespace attune::sim {

// A focus competency none of the scenario's nodes can give evidence for: no rule branches on,
// and no choice carries, a code the rubric counts for it (and, for a competency scored at risk
// turns, no node has `risk: true`).
void check_competency_evidence(const Scenario& scenario, const scoring::Rubric& rubric,
                               const std::string& file, Diagnostics& out);

// An avatar `play` could not show (it would draw a face instead): a name outside
// RUNTIME_HOME/assets/avatars/ or a file that is not there.
void check_avatar(const Scenario& scenario, const std::string& runtime_home, const std::string& file,
                  Diagnostics& out);

}  // namespace attune::sim
