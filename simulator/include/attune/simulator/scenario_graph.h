// The branch graph of a scenario as Graphviz DOT: what a trainer looks at to see where a
// conversation can go and what takes it there.
#pragma once

#include <string>

#include "attune/simulator/scenario.h"

namespace attune::sim {

// Nodes labelled with a shortened client line and the mood; edges with the rule (`when`
// codes, `if`), the choice number, or "otherwise"; end nodes shaped and filled by outcome
// (with the outcome's name, not colour alone); risk nodes drawn with a double border.
std::string scenario_dot(const Scenario& scenario);

}  // namespace attune::sim
