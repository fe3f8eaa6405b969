#include "records_context.h"

#include <iostream>

#include "attune/scoring/coder.h"
#include "attune/simulator/file_io.h"
#include "attune/simulator/json_member.h"
#include "attune/simulator/pg_records.h"
#include "attune/simulator/records.h"
#include "attune/simulator/runtime_paths.h"
#include "attune/simulator/sha256.h"

namespace attune::cli {

InstalledRubric load_installed_rubric(const std::string& home, const std::string& command) {
  InstalledRubric out;
  std::string path = home + "/assets/rubrics/peer-support-v1.yaml";
  auto file = sim::read_file(path, 1 << 20);
  if (!file.text) {
    std::cerr << "attune " << command << ": cannot read the rubric " << path
              << " (set ATTUNE_HOME to attune's data directory)\n";
    return out;
  }
  auto load = scoring::load_rubric(*file.text, path);
  for (const auto& d : load.diagnostics) std::cerr << format_diagnostic(d) << "\n";
  out.rubric = std::move(load.rubric);
  out.sha256 = sim::sha256_hex(*file.text);
  return out;
}

bool scored_here(const RecordsContext& ctx, const nlohmann::json& record) {
  const nlohmann::json& scorer = sim::member_or_null(record, "scorer");
  return scorer.is_object() && scorer.value("rubric_sha256", "") == ctx.rubric_sha256 &&
         scorer.value("version", "") == scoring::coder_version();
}

std::string directory_only_message(const std::string& command) {
  return "attune " + command +
         ": works on a records directory, not a PostgreSQL database; copy records between a directory and "
         "the database with `attune sync --from DIR --to postgresql://…` (docs/postgresql.md)";
}

std::unique_ptr<sim::RecordsBackend> open_store(const std::string& spec, const std::string& command) {
  if (!sim::is_postgresql_url(spec)) return sim::open_directory_records(spec);
  auto opened = sim::pg::open_postgresql_records(spec);
  if (!opened.backend) std::cerr << "attune " << command << ": " << opened.error << "\n";
  return std::move(opened.backend);
}

std::optional<RecordsContext> open_records(const std::optional<std::string>& records,
                                           const std::string& command, bool directory_only) {
  std::string spec = sim::records_dir(records);
  if (directory_only && sim::is_postgresql_url(spec)) {
    std::cerr << directory_only_message(command) << "\n";
    return std::nullopt;
  }
  auto rubric = load_installed_rubric(sim::runtime_home(), command);
  if (!rubric.rubric) return std::nullopt;
  auto key = sim::programme_key();
  if (!key.error.empty()) {
    std::cerr << "attune " << command << ": cannot read the programme key: " << key.error << "\n";
    return std::nullopt;
  }
  auto store = open_store(spec, command);
  if (!store) return std::nullopt;
  std::string root = store->location();
  return RecordsContext{std::move(root), std::move(store), key.key, std::move(*rubric.rubric), rubric.sha256};
}

}  // namespace attune::cli
