// What the supervisors' commands (verify, review, report) share: the records directory, the
// programme key and the installed rubric, each loaded once with its failure told to the person.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "attune/scoring/rubric.h"

namespace attune::cli {

struct InstalledRubric {
  std::optional<scoring::Rubric> rubric;
  std::string sha256;
};

// assets/rubrics/peer-support-v1.yaml under the runtime home; prints why not (as `attune COMMAND:`).
InstalledRubric load_installed_rubric(const std::string& home, const std::string& command);

struct RecordsContext {
  std::string root;
  std::string key;
  scoring::Rubric rubric;
  std::string rubric_sha256;
};

// Whether `record` was scored by the installed coder and rubric: only then can its codes and scores
// be re-derived here (verify and import both ask before re-deriving).
bool scored_here(const RecordsContext& ctx, const nlohmann::json& record);

// nullopt when the rubric or the key cannot be had (the reason is printed; exit 2).
std::optional<RecordsContext> open_records(const std::optional<std::string>& records,
                                           const std::string& command);

}  // namespace attune::cli
