#include "import_checks.h"

#include "attune/simulator/file_io.h"
#include "attune/simulator/records.h"
#include "attune/simulator/records_scan.h"
#include "attune/simulator/review_log.h"

namespace attune::cli {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxFile = std::size_t{64} << 20;

// Where a record breaks the session schema (assets/schema/attune-session-1.schema.json), then
// what import relies on beyond it: filed under its own id and trainee, and finished.
std::string shape_problem(const json& r, const sim::JsonSchema& schema, const std::string& trainee,
                          const std::string& id) {
  if (!r.is_object()) return "not a JSON object";
  if (r.value("format", json()) != "attune-session/1") return "not an attune-session/1 record";
  if (auto violation = schema.first_violation(r)) {
    return "it does not follow the attune-session/1 schema: at " +
           (violation->path.empty() ? std::string("the top level") : violation->path) + ": " +
           violation->reason;
  }
  if (r["id"] != id) return "its id does not match its file name";
  if (r["trainee"] != trainee) return "its trainee does not match its directory";
  if (r["ended"].is_null()) return "it is not a finished session (no `ended`)";
  return {};
}

}  // namespace

std::vector<CheckedSession> SessionChecks::check(
    const std::vector<std::string>& paths,
    const std::function<bool(const std::string&)>& needs_rederivation) {
  std::vector<CheckedSession> out(paths.size());
  sim::parallel_for(paths.size(), sim::scan_workers(),
                    [&](std::size_t i) { out[i] = check_one(paths[i], needs_rederivation); });
  return out;
}

CheckedSession SessionChecks::check_one(const std::string& path,
                                        const std::function<bool(const std::string&)>& needs_rederivation) {
  CheckedSession s;
  s.path = path;  // sessions/TRAINEE/ID.json
  auto first = path.find('/') + 1;
  auto second = path.find('/', first);
  s.trainee = path.substr(first, second - first);
  s.id = path.substr(second + 1, path.size() - second - 1 - 5);
  auto file = sim::read_file(staging_ + "/" + path, kMaxFile);
  if (!file.text) {
    s.problem = "cannot read it from the staging directory";
    return s;
  }
  s.bytes = std::move(*file.text);
  json record = json::parse(s.bytes, nullptr, false);
  if (s.problem = shape_problem(record, schema_, s.trainee, s.id); !s.problem.empty()) return s;
  if (!sim::record_signature_ok_in_place(record, ctx_.key)) {
    s.problem =
        "its HMAC does not match this machine's programme key (it was signed under another key, or "
        "altered). Print the programme key here with `attune key show`, set it as ATTUNE_KEY on the "
        "trainee's machine, and export again";
    return s;
  }
  s.scenario_sha256 = record["scenario"]["sha256"].get<std::string>();
  std::string review_path = staging_ + "/reviews/" + s.id + ".jsonl";
  if (auto review = sim::read_file(review_path, kMaxFile); review.text) {
    auto log = sim::read_review_log(review_path, s.id, ctx_.key);
    if (!log.problems.empty()) {
      s.problem = "its review file fails its checks: " + log.problems.front();
      return s;
    }
    s.review = std::move(review.text);
  }
  if (needs_rederivation(s.id)) s.rederivation_warnings = rederive(path, record);
  return s;
}

// Scores edited by someone who holds the key show up as warnings (verify fails them too).
std::string SessionChecks::rederive(const std::string& path, json& record) {
  if (!scored_here(ctx_, record)) return {};
  const sim::Scenario* scenario = staged_copies_.find(record);
  if (scenario == nullptr) scenario = local_copies_.find(record);
  if (scenario == nullptr)
    return "warning: " + path + ": its scenario copy cannot be loaded, so its scores were not re-derived\n";
  std::string warnings;
  for (const auto& d : sim::rederivation_differences(record, *scenario, ctx_.rubric))
    warnings += "warning: " + path + ": re-derived differently: " + d + "\n";
  return warnings;
}

}  // namespace attune::cli
