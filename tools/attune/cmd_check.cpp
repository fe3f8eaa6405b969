#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>

#include "attune/scoring/rubric.h"
#include "attune/scoring/yaml_document.h"
#include "attune/simulator/file_io.h"
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

// Files named on the command line, and the YAML files under named directories, in a stable order.
std::vector<std::string> expand(const std::vector<std::string>& paths, std::vector<std::string>& missing) {
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

}  // namespace

int run_check(const CheckOptions& options) {
  std::vector<std::string> missing;
  auto files = expand(options.paths, missing);
  bool io_problem = false;
  for (const auto& path : missing) {
    std::cerr << "attune check: " << path << (path.ends_with(")") ? "" : ": no such file or directory")
              << "\n";
    io_problem = true;
  }
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::map<std::string, std::string> ids;  // scenario id -> first file, for uniqueness in a library
  for (const auto& path : files) {
    Diagnostics diagnostics;
    auto contents = sim::read_file(path, yaml::Limits{}.max_bytes);
    if (!contents.text && !contents.too_large) {
      std::cerr << "attune check: " << contents.error << "\n";
      io_problem = true;
      continue;
    }
    if (contents.text && scoring::looks_like_rubric(*contents.text)) {
      diagnostics = scoring::load_rubric(*contents.text, path).diagnostics;
    } else {
      auto load = sim::load_scenario_file(path);
      diagnostics = std::move(load.load.diagnostics);
      if (load.load.scenario) {
        auto [it, inserted] = ids.emplace(load.load.scenario->id, path);
        if (!inserted) {
          diagnostics.push_back(Diagnostic{path, load.load.scenario->id_at, Severity::error,
                                           "scenario id '" + it->first + "' is already used by " +
                                               it->second + "; ids must be unique in a library",
                                           "duplicate-id"});
        }
      }
    }
    for (const auto& d : diagnostics) std::cout << format_diagnostic(d) << "\n";
    errors += count(diagnostics, Severity::error);
    warnings += count(diagnostics, Severity::warning);
  }
  std::cout << "checked " << files.size() << (files.size() == 1 ? " file: " : " files: ") << errors
            << (errors == 1 ? " error, " : " errors, ") << warnings
            << (warnings == 1 ? " warning" : " warnings") << "\n";
  if (io_problem) return kUsageOrIo;
  return errors > 0 ? kBadContent : kDone;
}

}  // namespace attune::cli
