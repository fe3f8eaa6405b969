// Checks that need the whole scenario: the branch graph, shadowed rules, and the coder's lints.
#pragma once

#include "attune/scoring/diagnostics.h"
#include "attune/simulator/scenario.h"

namespace attune::sim::detail {

void check_graph(const Scenario& scenario, const std::string& file, Diagnostics& out);
void check_shadowed_rules(const Scenario& scenario, const std::string& file, Diagnostics& out);
void check_with_coder(const Scenario& scenario, const std::string& file, Diagnostics& out);

}  // namespace attune::sim::detail
