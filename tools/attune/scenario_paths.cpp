#include "scenario_paths.h"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "attune/simulator/file_io.h"
#include "attune/simulator/runtime_paths.h"
#include "attune/simulator/scenario_loader.h"
#include "commands.h"

namespace attune::cli {
namespace fs = std::filesystem;
namespace {

// Other attune YAML files that live beside scenarios (crisis resources) are not checked as scenarios.
bool is_other_attune_file(const fs::path& p) {
  auto contents = sim::read_file(p.string(), 4096);
  if (!contents.text) return false;
  return contents.text->starts_with("attune-resources:") ||
         contents.text->find("\nattune-resources:") != std::string::npos;
}

bool is_yaml(const fs::path& p) {
  std::string name = p.filename().string();
  if (name.ends_with(".plays.yaml")) return false;  // test plays, not scenarios
  return name.ends_with(".yaml") || name.ends_with(".yml");
}

}  // namespace

std::vector<std::string> expand_yaml_paths(const std::vector<std::string>& paths,
                                           std::vector<std::string>& missing) {
  std::vector<std::string> files;
  for (const auto& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (auto it =
               fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && is_yaml(it->path()) && !is_other_attune_file(it->path())) {
          found.push_back(it->path().string());
        }
      }
      if (found.empty()) missing.push_back(path + " (no scenario or rubric files in it)");
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(path, ec)) {
      files.push_back(path);
    } else {
      missing.push_back(path);
    }
  }
  return files;
}

std::optional<sim::Scenario> load_scenario_argument(const std::string& argument, const std::string& command,
                                                    const std::string& then, int& status) {
  auto path = sim::resolve_scenario(argument);
  if (!path) {
    std::cerr << "attune " << command << ": no scenario file or shipped scenario id '" << argument << "'\n";
    status = kUsageOrIo;
    return std::nullopt;
  }
  auto loaded = sim::load_scenario_file(*path);
  if (loaded.io_error) {
    std::cerr << "attune " << command << ": " << *loaded.io_error << "\n";
    status = kUsageOrIo;
    return std::nullopt;
  }
  if (!loaded.load.scenario) {
    for (const auto& d : loaded.load.diagnostics) {
      if (d.severity == Severity::error) std::cerr << format_diagnostic(d) << "\n";
    }
    std::cerr << "attune " << command << ": the scenario has errors; fix them (attune check " << *path << ") "
              << then << "\n";
    status = kBadContent;
  }
  return std::move(loaded.load.scenario);
}

}  // namespace attune::cli
