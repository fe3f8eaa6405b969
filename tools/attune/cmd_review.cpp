// `attune review RECORD`: the scored transcript for a supervisor, and the two things a supervisor
// adds: an override of a turn's codes and a sign-off. Both are appended to reviews/ID.jsonl; the
// session file, and the automatic codes in it, are never changed.
#include <filesystem>
#include <iostream>

#include "attune/scoring/diagnostics.h"
#include "attune/simulator/progress.h"
#include "attune/simulator/records.h"
#include "attune/simulator/records_scan.h"
#include "attune/simulator/reviewed_session.h"
#include "attune/simulator/runtime_paths.h"
#include "commands.h"
#include "records_context.h"
#include "review_view.h"

namespace attune::cli {
namespace {

using nlohmann::json;

// The codes of `--override TURN CODE[,CODE]`, or nullopt after printing what is wrong (did you mean).
std::optional<std::vector<std::string>> parse_codes(const std::string& text) {
  std::vector<std::string> names;
  for (const auto& c : scoring::all_codes()) names.emplace_back(scoring::code_name(c));
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find(',', begin);
    if (end == std::string::npos) end = text.size();
    std::string name = text.substr(begin, end - begin);
    if (!scoring::code_from_name(name)) {
      std::cerr << "attune review: unknown code '" << name << "'"
                << did_you_mean(closest_name(name, std::span(names)))
                << "; the codes are listed in PRODUCT.md (attune code \"TEXT\" shows how a reply is coded)\n";
      return std::nullopt;
    }
    out.push_back(name);
    begin = end + 1;
  }
  return out;
}

bool present(const std::optional<std::string>& value) {
  return value && value->find_first_not_of(" \t") != std::string::npos;
}

}  // namespace

int run_review(const ReviewOptions& options) {
  bool changing = options.override_turn || options.sign_off;
  if (changing && !present(options.by)) {
    std::cerr << "attune review: say who reviews with --by NAME\n";
    return kUsageOrIo;
  }
  if (options.override_turn && !present(options.reason)) {
    std::cerr << "attune review: an override needs --reason TEXT (the trainee and the audit trail read it)\n";
    return kUsageOrIo;
  }
  if (!changing && (options.by || options.reason)) {
    std::cerr << "attune review: --by and --reason go with --override or --sign-off\n";
    return kUsageOrIo;
  }
  auto ctx = open_records(options.records, "review");
  if (!ctx) return kUsageOrIo;
  // A session named by path is reviewed in the records directory it lives in.
  sim::RecordsBackend* store = ctx->store.get();
  std::unique_ptr<sim::RecordsBackend> named_directory;
  if (!sim::is_postgresql_url(sim::records_dir(options.records)) && options.record.ends_with(".json") &&
      std::filesystem::is_regular_file(options.record)) {
    named_directory = sim::open_directory_records(
        std::filesystem::path(options.record).parent_path().parent_path().parent_path().string());
    store = named_directory.get();
  }
  auto file = store->find_session(options.record);
  if (!file) {
    if (auto failed = store->take_failure()) {
      std::cerr << "attune review: " << *failed << "\n";
      return kUsageOrIo;
    }
    std::cerr << "attune review: no session file or session id '" << options.record << "' in " << ctx->root
              << "\n";
    return kUsageOrIo;
  }
  auto check = store->read_session(*file, ctx->key);
  if (!check.record) {
    std::cerr << "attune review: " << file->path << " fails verification: " << check.problem << "\n";
    return kBadContent;
  }
  const json& record = *check.record;
  sim::ScenarioCopies copies(store->scenario_source());
  auto view = sim::review_session(record, store->review_log(file->id, ctx->key), ctx->rubric, copies);

  std::vector<sim::ReviewEntry> entries;
  if (options.override_turn) {
    auto turn = static_cast<std::size_t>(*options.override_turn);
    if (turn >= view.automatic_codes.size()) {
      std::cerr << "attune review: the session has " << view.automatic_codes.size()
                << " turns (0-based); there is no turn " << turn << "\n";
      return kUsageOrIo;
    }
    auto codes = parse_codes(options.override_codes);
    if (!codes) return kUsageOrIo;
    entries.push_back({view.id, *options.by, sim::now_iso8601(), sim::ReviewKind::override_codes,
                       *options.override_turn, view.corrected_codes[turn], *codes, *options.reason});
  }
  if (options.sign_off) {
    entries.push_back({view.id,
                       *options.by,
                       sim::now_iso8601(),
                       sim::ReviewKind::sign_off,
                       std::nullopt,
                       {},
                       {},
                       options.reason.value_or("")});
  }
  for (const auto& entry : entries) {
    if (auto error = store->append_review(entry, ctx->key)) {
      std::cerr << "attune review: cannot record the review: " << *error << "\n";
      return error->find("fails verification") != std::string::npos ? kBadContent : kUsageOrIo;
    }
  }
  if (!entries.empty()) {
    view = sim::review_session(record, store->review_log(file->id, ctx->key), ctx->rubric, copies);
    auto rebuilt = store->rebuild_progress(view.trainee, ctx->rubric, ctx->key);
    if (rebuilt.error)
      std::cerr << "attune review: cannot update the progress file: " << *rebuilt.error << "\n";
  }
  std::cout << render_review(record, view, ctx->rubric);
  for (const auto& entry : entries) {
    std::cerr << (entry.kind == sim::ReviewKind::sign_off ? "Signed off" : "Override recorded") << " in "
              << store->review_location(view.id) << "\n";
  }
  return view.review_problems.empty() ? kDone : kBadContent;
}

}  // namespace attune::cli
