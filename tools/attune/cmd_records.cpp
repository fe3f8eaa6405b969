// `attune records delete --trainee ID [--yes]`: a trainee's right to deletion. Lists what it would
// remove; with --yes removes the trainee's sessions, journals, reviews, progress file and the
// scenario copies no other session uses, and appends a content-free line to audit.jsonl.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

#include "attune/simulator/file_io.h"
#include "attune/simulator/progress.h"
#include "attune/simulator/records.h"
#include "attune/simulator/records_scan.h"
#include "attune/simulator/records_store.h"
#include "attune/simulator/review_log.h"
#include "attune/simulator/runtime_paths.h"
#include "commands.h"
#include "records_context.h"

namespace attune::cli {
namespace fs = std::filesystem;
namespace {

using nlohmann::json;

constexpr std::size_t kMaxRecord = std::size_t{64} << 20;

// The scenario copy a session file names, read without trusting it (only to keep copies alive).
std::string scenario_of(const std::string& path) {
  auto file = sim::read_file(path, kMaxRecord);
  if (!file.text) return {};
  json record = json::parse(*file.text, nullptr, false);
  if (!record.is_object() || !record.contains("scenario") || !record["scenario"].is_object()) return {};
  return record["scenario"].value("sha256", "");
}

std::string journal_trainee(const fs::path& path) {
  std::ifstream in(path);
  std::string header;
  if (!std::getline(in, header)) return {};
  json j = json::parse(header, nullptr, false);
  return j.is_object() ? j.value("trainee", "") : "";
}

}  // namespace

int run_records_delete(const RecordsDeleteOptions& options) {
  if (!sim::is_valid_trainee_id(options.trainee)) {
    std::cerr << "attune records delete: '" << options.trainee << "' is not a trainee id\n";
    return kUsageOrIo;
  }
  std::string root = sim::records_dir(options.records);
  if (sim::is_postgresql_url(root)) {
    std::cerr << directory_only_message("records delete")
              << "; in the database, attune_admin deletes a trainee's rows (docs/postgresql.md)\n";
    return kUsageOrIo;
  }
  std::vector<std::string> remove;
  std::set<std::string> used_by_trainee;
  std::set<std::string> used_by_others;
  auto sessions = sim::list_session_files(root, options.trainee);
  for (const auto& s : sessions) {
    remove.push_back(s.path);
    used_by_trainee.insert(scenario_of(s.path));
    std::string review = sim::review_path(root, s.id);
    if (fs::is_regular_file(review)) remove.push_back(review);
  }
  for (const auto& s : sim::list_session_files(root))
    if (s.trainee != options.trainee) used_by_others.insert(scenario_of(s.path));
  std::error_code ec;
  std::vector<std::string> journals;
  for (const auto& entry : fs::directory_iterator(fs::path(root) / "journal", ec))
    if (entry.path().extension() == ".jsonl" && journal_trainee(entry.path()) == options.trainee)
      journals.push_back(entry.path().string());
  std::sort(journals.begin(), journals.end());
  remove.insert(remove.end(), journals.begin(), journals.end());
  std::string progress = sim::progress_path(root, options.trainee);
  if (fs::is_regular_file(progress)) remove.push_back(progress);
  for (const auto& sha : used_by_trainee) {
    std::string copy = root + "/scenarios/" + sha + ".yaml";
    if (!sha.empty() && used_by_others.count(sha) == 0 && sha.find('/') == std::string::npos &&
        fs::is_regular_file(copy))
      remove.push_back(copy);
  }

  if (!options.yes) {
    std::cout << "would remove " << sessions.size() << (sessions.size() == 1 ? " session" : " sessions")
              << " of " << options.trainee << " (" << remove.size() << " files):\n";
    for (const auto& path : remove) std::cout << "  " << path << "\n";
    std::cout << "nothing was removed; run again with --yes to remove them\n";
    return kDone;
  }
  for (const auto& path : remove) {
    if (!fs::remove(path, ec) && ec) {
      std::cerr << "attune records delete: cannot remove " << path << ": " << ec.message() << "\n";
      return kUsageOrIo;
    }
  }
  fs::remove(fs::path(root) / "sessions" / options.trainee, ec);  // only when empty
  const char* user = std::getenv("USER");
  std::string by = options.by ? *options.by : (user ? user : "unknown");
  json line = {
      {"when", sim::now_iso8601()}, {"trainee", options.trainee}, {"sessions", sessions.size()}, {"by", by}};
  if (auto error = sim::append_line_durably(root + "/audit.jsonl", line.dump())) {
    std::cerr << "attune records delete: removed, but cannot write audit.jsonl: " << *error << "\n";
    return kUsageOrIo;
  }
  std::cout << "removed " << sessions.size() << (sessions.size() == 1 ? " session" : " sessions") << " of "
            << options.trainee << " (" << remove.size() << " files); logged in " << root << "/audit.jsonl\n";
  return kDone;
}

}  // namespace attune::cli
