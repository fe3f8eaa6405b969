// `attune import FILE`: a bundle unpacked into a staging directory inside the records directory,
// refused whole when it is not what it claims, then merged session by session: checked (schema,
// HMAC, review file, re-derivation; import_checks.h, on every core), then in bundle order compared
// with what is here (scenario copy, same id, review file) and moved into place.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "attune/simulator/bundle.h"
#include "attune/simulator/file_io.h"
#include "attune/simulator/json_schema.h"
#include "attune/simulator/progress.h"
#include "attune/simulator/records.h"
#include "attune/simulator/records_scan.h"
#include "attune/simulator/review_log.h"
#include "attune/simulator/sha256.h"
#include "commands.h"
#include "import_checks.h"
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

constexpr std::size_t kBatch = 256;  // sessions checked ahead of being settled, bounding memory

std::optional<std::string> read_text(const std::string& path) {
  auto file = sim::read_file(path, kMaxFile);
  return file.text;
}

bool ends_lines(const std::string& text) {
  return text.empty() || text.back() == '\n';
}

// Settles each checked session in bundle order: compared with what is here, then moved into place.
class Importer {
 public:
  Importer(const RecordsContext& ctx, std::string staging) : ctx_(ctx), staging_(std::move(staging)) {
    // One listing of what is here, kept up to date as sessions arrive, instead of a look in every
    // trainee's directory for each incoming session.
    for (auto& f : sim::list_session_files(ctx_.root)) local_.emplace(f.id, std::move(f.path));
  }

  // Whether a session id is new here (worth re-deriving while it is checked). Only read while a
  // batch is checked; `settle` changes it between batches.
  bool is_new(const std::string& id) const { return local_.count(id) == 0; }

  void settle(CheckedSession& s) {
    const std::string& path = s.path;
    if (!s.problem.empty()) return reject(path, s.problem);
    std::string scenario_rel = "scenarios/" + s.scenario_sha256 + ".yaml";
    auto scenario = scenario_state(s.scenario_sha256);
    if (scenario == Scenario::kMissing)
      return reject(path, "its scenario copy (" + scenario_rel + ") is not in the bundle");
    if (scenario == Scenario::kMismatched)
      return reject(path, "its scenario copy (" + scenario_rel + ") does not match its SHA-256");

    // What is here already.
    std::string target = ctx_.root + "/" + path;
    bool session_new = true;
    if (auto existing = local_.find(s.id); existing != local_.end()) {
      auto local = read_text(existing->second);
      if (!local || *local != s.bytes || existing->second != target)
        return conflict(path,
                        "a different session with this id is already at " + existing->second + " (kept)");
      session_new = false;
    }
    std::string review_rel = "reviews/" + s.id + ".jsonl";
    bool review_changes = false;
    std::string review_target = sim::review_path(ctx_.root, s.id);
    if (s.review) {
      auto local = read_text(review_target);
      if (!local) {
        review_changes = true;
      } else if (*local != *s.review) {
        bool extends = s.review->size() > local->size() && s.review->compare(0, local->size(), *local) == 0 &&
                       ends_lines(*local);
        bool behind = local->size() > s.review->size() &&
                      local->compare(0, s.review->size(), *s.review) == 0 && ends_lines(*s.review);
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
    if (scenario == Scenario::kStaged) {
      if (auto error = place(scenario_rel, ctx_.root + "/" + scenario_rel)) return reject(path, *error);
      scenarios_[s.scenario_sha256] = Scenario::kHere;
    }
    if (session_new) {
      if (auto error = place(path, target)) return reject(path, *error);
      local_.emplace(s.id, target);
    }
    if (review_changes) {
      if (auto error = place(review_rel, review_target)) return reject(path, *error);
      if (!session_new) std::cout << "updated reviews of " << path << " (" << review_rel << " extended)\n";
    }
    ++counts.imported;
    touched.insert(s.trainee);
    if (session_new) warnings_ += s.rederivation_warnings;
  }

  // Makes the moves durable: one fsync per directory rather than per file.
  void sync_placed() {
    for (const auto& dir : dirs_) {
      if (auto error = sim::sync_directory(dir)) std::cerr << "attune import: warning: " << *error << "\n";
    }
  }

  // What re-deriving the added sessions found, in bundle order, after they are all in place.
  void print_rederivation_warnings() const { std::cout << warnings_; }

  Counts counts;
  std::set<std::string> touched;

 private:
  enum class Scenario { kHere, kStaged, kMissing, kMismatched };

  // Each scenario copy is read and hashed once, however many sessions were played on it.
  Scenario scenario_state(const std::string& sha) {
    auto known = scenarios_.find(sha);
    if (known != scenarios_.end()) return known->second;
    std::string rel = "scenarios/" + sha + ".yaml";
    Scenario state = Scenario::kMissing;
    if (auto local = read_text(ctx_.root + "/" + rel); local && sim::sha256_hex(*local) == sha) {
      state = Scenario::kHere;
    } else if (auto staged = read_text(staging_ + "/" + rel)) {
      state = sim::sha256_hex(*staged) == sha ? Scenario::kStaged : Scenario::kMismatched;
    }
    return scenarios_[sha] = state;
  }

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

  const RecordsContext& ctx_;
  std::string staging_;
  std::map<std::string, std::string> local_;   // session id -> its file here
  std::map<std::string, Scenario> scenarios_;  // by SHA-256
  std::set<std::string> dirs_;                 // directories files were moved into
  std::string warnings_;
};

// The progress files of the trainees touched, rebuilt a few at a time (each ends in fsyncs, which
// overlap); any error is printed in trainee order.
void rebuild_progress_files(const RecordsContext& ctx, const std::set<std::string>& trainees) {
  std::vector<std::string> order(trainees.begin(), trainees.end());
  std::vector<std::optional<std::string>> errors(order.size());
  sim::parallel_for(order.size(), sim::scan_workers(), [&](std::size_t i) {
    errors[i] = sim::rebuild_progress(ctx.root, order[i], ctx.rubric, ctx.key).error;
  });
  for (const auto& error : errors)
    if (error) std::cerr << "attune import: warning: " << *error << "\n";
}

}  // namespace

int run_import(const ImportOptions& options) {
  auto ctx = open_records(options.records, "import", true);
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
  Importer importer(*ctx, staging.path);
  SessionChecks checks(*ctx, *schema, staging.path);
  std::vector<std::string> sessions;
  for (const auto& path : unpacked.paths)
    if (path.rfind("sessions/", 0) == 0) sessions.push_back(path);
  for (std::size_t begin = 0; begin < sessions.size(); begin += kBatch) {
    std::vector<std::string> batch(
        sessions.begin() + static_cast<std::ptrdiff_t>(begin),
        sessions.begin() + static_cast<std::ptrdiff_t>(std::min(sessions.size(), begin + kBatch)));
    for (auto& checked : checks.check(batch, [&](const std::string& id) { return importer.is_new(id); }))
      importer.settle(checked);
  }
  importer.sync_placed();
  importer.print_rederivation_warnings();
  rebuild_progress_files(*ctx, importer.touched);
  const auto& c = importer.counts;
  std::cout << "imported " << c.imported << ", unchanged " << c.unchanged << ", conflicts " << c.conflicts
            << ", rejected " << c.rejected << "\n";
  return c.conflicts == 0 && c.rejected == 0 ? kDone : kBadContent;
}

}  // namespace attune::cli
