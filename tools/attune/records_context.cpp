#include "records_context.h"

#include <iostream>

#include "attune/scoring/coder.h"
#include "attune/simulator/file_io.h"
#include "attune/simulator/json_member.h"
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

std::optional<RecordsContext> open_records(const std::optional<std::string>& records,
                                           const std::string& command) {
  auto rubric = load_installed_rubric(sim::runtime_home(), command);
  if (!rubric.rubric) return std::nullopt;
  auto key = sim::programme_key();
  if (!key.error.empty()) {
    std::cerr << "attune " << command << ": cannot read the programme key: " << key.error << "\n";
    return std::nullopt;
  }
  return RecordsContext{sim::records_dir(records), key.key, std::move(*rubric.rubric), rubric.sha256};
}

}  // namespace attune::cli
