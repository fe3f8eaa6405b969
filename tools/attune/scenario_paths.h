// Which files a command that takes "files or directories" works on.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "attune/simulator/scenario.h"

namespace attune::cli {

// Files named on the command line, and the scenario and rubric YAML files under named
// directories (not test plays, not crisis resources), in a stable order. Paths that do not
// exist, or directories with nothing to check, go to `missing`.
std::vector<std::string> expand_yaml_paths(const std::vector<std::string>& paths,
                                           std::vector<std::string>& missing);

// One scenario named on the command line (a file or a shipped id), loaded and checked. When it
// cannot be had, prints why as `attune COMMAND: ...` (its errors, then "fix them (attune check
// PATH) " + `then`) and sets `status`: 2 not found or unreadable, 1 errors in it.
std::optional<sim::Scenario> load_scenario_argument(const std::string& argument, const std::string& command,
                                                    const std::string& then, int& status);

}  // namespace attune::cli
