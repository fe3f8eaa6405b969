// Which files a command that takes "files or directories" works on.
#pragma once

#include <string>
#include <vector>

namespace attune::cli {

// Files named on the command line, and the scenario and rubric YAML files under named
// directories (not test plays, not crisis resources), in a stable order. Paths that do not
// exist, or directories with nothing to check, go to `missing`.
std::vector<std::string> expand_yaml_paths(const std::vector<std::string>& paths,
                                           std::vector<std::string>& missing);

}  // namespace attune::cli
