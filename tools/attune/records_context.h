// What the supervisors' commands (verify, review, report) share: the records directory, the
// programme key and the installed rubric, each loaded once with its failure told to the person.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "attune/scoring/rubric.h"
#include "attune/simulator/records_store.h"

namespace attune::cli {

struct InstalledRubric {
  std::optional<scoring::Rubric> rubric;
  std::string sha256;
};

// assets/rubrics/peer-support-v1.yaml under the runtime home; prints why not (as `attune COMMAND:`).
InstalledRubric load_installed_rubric(const std::string& home, const std::string& command);

struct RecordsContext {
  std::string root;  // the records directory, or the database URL without its password (for messages)
  std::unique_ptr<sim::RecordsBackend> store;
  std::string key;
  scoring::Rubric rubric;
  std::string rubric_sha256;
};

// Whether `record` was scored by the installed coder and rubric: only then can its codes and scores
// be re-derived here (verify and import both ask before re-deriving).
bool scored_here(const RecordsContext& ctx, const nlohmann::json& record);

// The store `--records` (else $ATTUNE_RECORDS, else the XDG directory) names: a directory, or a
// PostgreSQL database for a postgresql:// or postgres:// URL. nullopt when the store, the rubric or
// the key cannot be had (the reason is printed; exit 2). `directory_only` commands (export, import)
// refuse a database URL with a pointer to `attune sync`.
std::optional<RecordsContext> open_records(const std::optional<std::string>& records,
                                           const std::string& command, bool directory_only = false);

// Opens the store `spec` names (a directory or a database URL); nullptr after printing why not.
std::unique_ptr<sim::RecordsBackend> open_store(const std::string& spec, const std::string& command);

// The message for a directory-only command given a database URL.
std::string directory_only_message(const std::string& command);

}  // namespace attune::cli
