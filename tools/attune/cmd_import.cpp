// `attune import FILE`: a bundle unpacked into a staging directory inside the records directory,
// refused whole when it is not what it claims, then merged session by session: checked (shape,
// HMAC, scenario copy), compared with what is here, moved into place, re-derived.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "attune/scoring/coder.h"
#include "attune/simulator/bundle.h"
#include "attune/simulator/file_io.h"
#include "attune/simulator/json_schema.h"
#include "attune/simulator/progress.h"
#include "attune/simulator/records.h"
#include "attune/simulator/records_scan.h"
#include "attune/simulator/rescoring.h"
#include "attune/simulator/review_log.h"
#include "attune/simulator/sha256.h"
#include "commands.h"
#include "records_context.h"

namespace attune::cli {
namespace fs = std::filesystem;
namespace {

using nlohmann::json;

constexpr std::size_t kMaxFile = std::size_t{64} << 20;

struct Counts {
  int imported = 0;
  int unchanged = 0;
  int conflicts = 0;
  int rejected = 0;
};

// Removes the staging directory however import ends.
struct Staging {
  std::string path;
  ~Staging() {
    std::error_code ec;
    if (!path.empty()) fs::remove_all(path, ec);
  }
};

std::optional<std::string> read_text(const std::string& path) {
  auto file = sim::read_file(path, kMaxFile);
  return file.text;
}

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

// A session id already filed here, under any trainee.
std::optional<std::string> local_session(const std::string& root, const std::string& id) {
  std::error_code ec;
  for (const auto& dir : fs::directory_iterator(fs::path(root) / "sessions", ec)) {
    fs::path candidate = dir.path() / (id + ".json");
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
  }
  return std::nullopt;
}

bool ends_lines(const std::string& text) {
  return text.empty() || text.back() == '\n';
}

class Importer {
 public:
  Importer(const RecordsContext& ctx, const sim::JsonSchema& schema, std::string staging)
      : ctx_(ctx), schema_(schema), staging_(std::move(staging)) {}

  void session(const std::string& path) {  // path: sessions/TRAINEE/ID.json
    auto first = path.find('/') + 1;
    auto second = path.find('/', first);
    std::string trainee = path.substr(first, second - first);
    std::string id = path.substr(second + 1, path.size() - second - 1 - 5);
    auto bytes = read_text(staging_ + "/" + path);
    if (!bytes) return reject(path, "cannot read it from the staging directory");
    json record = json::parse(*bytes, nullptr, false);
    if (auto problem = shape_problem(record, schema_, trainee, id); !problem.empty())
      return reject(path, problem);
    if (!sim::record_signature_ok(record, ctx_.key))
      return reject(
          path,
          "its HMAC does not match this machine's programme key (it was signed under another key, or "
          "altered). Print the programme key here with `attune key show`, set it as ATTUNE_KEY on the "
          "trainee's machine, and export again");
    std::string sha = record["scenario"]["sha256"].get<std::string>();
    std::string scenario_rel = "scenarios/" + sha + ".yaml";
    std::optional<std::string> scenario_bytes;
    bool scenario_local = false;
    if (sim::is_bundle_layout_path(scenario_rel)) {
      if (auto local = read_text(ctx_.root + "/" + scenario_rel); local && sim::sha256_hex(*local) == sha) {
        scenario_local = true;
      } else if (auto staged = read_text(staging_ + "/" + scenario_rel)) {
        scenario_bytes = std::move(staged);
      }
    }
    if (!scenario_local && !scenario_bytes)
      return reject(path, "its scenario copy (" + scenario_rel + ") is not in the bundle");
    if (scenario_bytes && sim::sha256_hex(*scenario_bytes) != sha)
      return reject(path, "its scenario copy (" + scenario_rel + ") does not match its SHA-256");

    std::string review_rel = "reviews/" + id + ".jsonl";
    std::optional<std::string> review = read_text(staging_ + "/" + review_rel);
    if (review) {
      auto log = sim::read_review_log(staging_ + "/" + review_rel, id, ctx_.key);
      if (!log.problems.empty())
        return reject(path, "its review file fails its checks: " + log.problems.front());
    }

    // What is here already.
    std::string target = ctx_.root + "/" + path;
    bool session_new = true;
    if (auto existing = local_session(ctx_.root, id)) {
      auto local = read_text(*existing);
      if (!local || *local != *bytes || *existing != target)
        return conflict(path, "a different session with this id is already at " + *existing + " (kept)");
      session_new = false;
    }
    bool review_changes = false;
    std::string review_target = sim::review_path(ctx_.root, id);
    if (review) {
      auto local = read_text(review_target);
      if (!local) {
        review_changes = true;
      } else if (*local != *review) {
        bool extends = review->size() > local->size() && review->compare(0, local->size(), *local) == 0 &&
                       ends_lines(*local);
        bool behind = local->size() > review->size() && local->compare(0, review->size(), *review) == 0 &&
                      ends_lines(*review);
        if (!extends && !behind)
          return conflict(path, "its review file " + review_rel + " diverges from the one here (kept)");
        review_changes = extends;
      }
    }
    if (!session_new && !review_changes) {
      ++counts.unchanged;
      return;
    }

    // Into place: the scenario copy first, so a session is never here without it.
    if (scenario_bytes) {
      if (auto error = place(scenario_rel, ctx_.root + "/" + scenario_rel)) return reject(path, *error);
    }
    if (session_new) {
      if (auto error = place(path, target)) return reject(path, *error);
    }
    if (review_changes) {
      if (auto error = place(review_rel, review_target)) return reject(path, *error);
      if (!session_new) std::cout << "updated reviews of " << path << " (" << review_rel << " extended)\n";
    }
    ++counts.imported;
    touched.insert(trainee);
    if (session_new) fresh_.push_back({target, trainee, id});
  }

  // Re-derivation of the sessions this import added, on every core: scores edited by someone who
  // holds the key show up as warnings (verify fails them too).
  void rederive_added() {
    auto relative = [](const sim::SessionFile& f) { return "sessions/" + f.trainee + "/" + f.id + ".json"; };
    sim::scan_sessions(
        fresh_, ctx_.key, [](sim::ScannedSession&& s) { std::cout << s.finding; },
        [&](const sim::ScanProblem& p) { std::cout << "warning: " << p.path << ": " << p.message << "\n"; },
        [&](const sim::SessionFile& f, json& record) { return rederive(relative(f), record); });
  }

  // Makes the moves durable: one fsync per directory rather than per file.
  void sync_placed() {
    for (const auto& dir : dirs_) {
      if (auto error = sim::sync_directory(dir)) std::cerr << "attune import: warning: " << *error << "\n";
    }
  }

  Counts counts;
  std::set<std::string> touched;

 private:
  void reject(const std::string& path, const std::string& why) {
    ++counts.rejected;
    std::cout << "rejected " << path << ": " << why << "\n";
  }
  void conflict(const std::string& path, const std::string& why) {
    ++counts.conflicts;
    std::cout << "conflict " << path << ": " << why << "\n";
  }

  // Moves a checked file from staging into place (0600 already; its data was made durable by
  // the syncfs after unpacking). Its directory is synced once at the end (`sync_placed`).
  std::optional<std::string> place(const std::string& relative, const std::string& target) {
    std::string dir = fs::path(target).parent_path().string();
    if (dirs_.count(dir) == 0) {
      if (auto error = sim::make_private_dir(dir)) return error;
      dirs_.insert(dir);
    }
    if (std::rename((staging_ + "/" + relative).c_str(), target.c_str()) != 0)
      return "cannot move it into " + target + ": " + std::strerror(errno);
    return std::nullopt;
  }

  std::set<std::string> dirs_;  // directories files were moved into

  // The warnings for one session (run on the scan's worker threads).
  std::string rederive(const std::string& path, json& record) {
    const json& scorer = record["scorer"];
    if (scorer.value("rubric_sha256", "") != ctx_.rubric_sha256 ||
        scorer.value("version", "") != scoring::coder_version())
      return {};
    const sim::Scenario* scenario = copies_.find(record);
    if (scenario == nullptr)
      return "warning: " + path + ": its scenario copy cannot be loaded, so its scores were not re-derived\n";
    std::string warnings;
    for (const auto& d : sim::rederivation_differences(record, *scenario, ctx_.rubric))
      warnings += "warning: " + path + ": re-derived differently: " + d + "\n";
    return warnings;
  }

  std::vector<sim::SessionFile> fresh_;  // sessions this import added

  const RecordsContext& ctx_;
  const sim::JsonSchema& schema_;
  std::string staging_;
  sim::ScenarioCopies copies_{ctx_.root};
};

}  // namespace

int run_import(const ImportOptions& options) {
  auto ctx = open_records(options.records, "import");
  if (!ctx) return kUsageOrIo;
  if (!fs::is_regular_file(options.bundle)) {
    std::cerr << "attune import: cannot read " << options.bundle << "\n";
    return kUsageOrIo;
  }
  std::string schema_error;
  auto schema = sim::JsonSchema::load_installed("attune-session-1.schema.json", schema_error);
  if (!schema) {
    std::cerr << "attune import: cannot load the session schema: " << schema_error << "\n";
    return kUsageOrIo;
  }
  bool root_existed = fs::exists(ctx->root);
  if (auto error = sim::RecordsStore(ctx->root).prepare()) {
    std::cerr << "attune import: " << *error << "\n";
    return kUsageOrIo;
  }
  std::string staging_error;
  auto staging_dir = sim::make_staging_dir(ctx->root, staging_error);
  if (!staging_dir) {
    std::cerr << "attune import: " << staging_error << "\n";
    return kUsageOrIo;
  }
  Staging staging{*staging_dir};

  auto unpacked = sim::unpack_bundle(options.bundle, staging.path);
  if (!unpacked.refusal) {
    std::set<std::string> session_ids;
    for (const auto& p : unpacked.paths)
      if (p.rfind("sessions/", 0) == 0) session_ids.insert(fs::path(p).stem().string());
    for (const auto& p : unpacked.paths) {
      if (p.rfind("reviews/", 0) == 0 && session_ids.count(fs::path(p).stem().string()) == 0) {
        unpacked.refusal = "entry '" + p + "': reviews a session the bundle does not hold";
        break;
      }
    }
  }
  if (unpacked.refusal) {
    std::error_code ec;
    fs::remove_all(staging.path, ec);
    staging.path.clear();
    if (!root_existed) {  // leave no trace: only the empty layout this run made
      for (const char* d : {"sessions", "journal", "reviews", "progress", "scenarios"})
        fs::remove(fs::path(ctx->root) / d, ec);
      fs::remove(ctx->root, ec);
    }
    std::cerr << "attune import: refused " << options.bundle << ": " << *unpacked.refusal
              << "; nothing was imported\n";
    return unpacked.io_error ? kUsageOrIo : kBadContent;
  }

  // The staged files' data reaches the disk once, before any of them is moved into place.
  if (int fd = open(staging.path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); fd >= 0) {
    if (syncfs(fd) != 0) std::cerr << "attune import: warning: syncfs: " << std::strerror(errno) << "\n";
    close(fd);
  }
  Importer importer(*ctx, *schema, staging.path);
  for (const auto& path : unpacked.paths)
    if (path.rfind("sessions/", 0) == 0) importer.session(path);
  importer.sync_placed();
  importer.rederive_added();
  for (const auto& trainee : importer.touched) {
    auto rebuilt = sim::rebuild_progress(ctx->root, trainee, ctx->rubric, ctx->key);
    if (rebuilt.error) std::cerr << "attune import: warning: " << *rebuilt.error << "\n";
  }
  const auto& c = importer.counts;
  std::cout << "imported " << c.imported << ", unchanged " << c.unchanged << ", conflicts " << c.conflicts
            << ", rejected " << c.rejected << "\n";
  return c.conflicts == 0 && c.rejected == 0 ? kDone : kBadContent;
}

}  // namespace attune::cli
