#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "attune/scoring/rubric.h"
#include "attune/scoring/yaml_document.h"
#include "attune/simulator/file_io.h"
#include "attune/simulator/playtest.h"
#include "attune/simulator/runtime_paths.h"
#include "attune/simulator/scenario_lints.h"
#include "attune/simulator/scenario_loader.h"
#include "attune/simulator/test_plays.h"
#include "commands.h"
#include "records_context.h"
#include "scenario_paths.h"

namespace attune::cli {
namespace {

nlohmann::json diagnostic_json(const Diagnostic& d) {
  return {{"line", d.at.line},
          {"col", d.at.col},
          {"severity", d.severity == Severity::error ? "error" : "warning"},
          {"message", d.message},
          {"rule", d.rule}};
}

}  // namespace

int run_check(const CheckOptions& options) {
  const bool json = options.format == "json";
  std::vector<std::string> missing;
  auto files = expand_yaml_paths(options.paths, missing);
  bool io_problem = false;
  for (const auto& path : missing) {
    std::cerr << "attune check: " << path << (path.ends_with(")") ? "" : ": no such file or directory")
              << "\n";
    io_problem = true;
  }
  // The rubric the product scores with, for the lint that a scenario can test its competencies
  // (skipped, with the reason on stderr, when the installation has none).
  const auto rubric = load_installed_rubric(sim::runtime_home(), "check").rubric;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  nlohmann::json report = {{"files", nlohmann::json::array()}};
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
    } else if (contents.text && path.ends_with(".plays.yaml")) {
      diagnostics = sim::load_test_plays(*contents.text, path).diagnostics;
    } else {
      auto load = sim::load_scenario_file(path);
      diagnostics = std::move(load.load.diagnostics);
      if (const auto& scenario = load.load.scenario) {
        auto [it, inserted] = ids.emplace(scenario->id, path);
        if (!inserted) {
          diagnostics.push_back(Diagnostic{path, scenario->id_at, Severity::error,
                                           "scenario id '" + it->first + "' is already used by " +
                                               it->second + "; ids must be unique in a library",
                                           "duplicate-id"});
        }
        if (rubric) sim::check_competency_evidence(*scenario, *rubric, path, diagnostics);
        sim::check_reachable_by_playtest(*scenario, path, diagnostics);
        sim::check_avatar(*scenario, sim::runtime_home(), path, diagnostics);
        sort_by_position(diagnostics);
      }
    }
    nlohmann::json entry = {{"file", path}, {"diagnostics", nlohmann::json::array()}};
    for (const auto& d : diagnostics) {
      if (json) {
        entry["diagnostics"].push_back(diagnostic_json(d));
      } else {
        std::cout << format_diagnostic(d) << "\n";
      }
    }
    if (json) report["files"].push_back(std::move(entry));
    errors += count(diagnostics, Severity::error);
    warnings += count(diagnostics, Severity::warning);
  }
  if (json) {
    report["errors"] = errors;
    report["warnings"] = warnings;
    std::cout << report.dump(2) << "\n";
  } else {
    std::cout << "checked " << files.size() << (files.size() == 1 ? " file: " : " files: ") << errors
              << (errors == 1 ? " error, " : " errors, ") << warnings
              << (warnings == 1 ? " warning" : " warnings") << "\n";
  }
  if (io_problem) return kUsageOrIo;
  return errors > 0 ? kBadContent : kDone;
}

}  // namespace attune::cli
