// Scenario files -> a checked Scenario, or the diagnostics that say why not. Never throws on input.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "attune/scoring/diagnostics.h"
#include "attune/simulator/scenario.h"

namespace attune::sim {

struct ScenarioLoad {
  std::optional<Scenario> scenario;  // set when there are no errors (warnings allowed)
  Diagnostics diagnostics;           // in file order
};

// Parses, checks the structure, the graph, and the coder lints. `file` names the source in diagnostics.
ScenarioLoad load_scenario(std::string_view text, const std::string& file);

// Reads and loads a file; a missing or unreadable file is an I/O problem, reported in `io_error`.
struct ScenarioFileLoad {
  ScenarioLoad load;
  std::optional<std::string> io_error;
};
ScenarioFileLoad load_scenario_file(const std::string& path);

}  // namespace attune::sim
