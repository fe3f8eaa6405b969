// `attune verify [RECORD...]`: names every session record or review file altered after it was
// written. A record must carry a valid HMAC, sit where its id and trainee say, and (when it was
// scored by this coder and rubric) hold the scores its turns' codes give; a review file must be an
// unbroken, signed chain about a session that exists.
#include <filesystem>
#include <iostream>
#include <set>

#include "attune/simulator/records_scan.h"
#include "attune/simulator/rescoring.h"
#include "attune/simulator/review_log.h"
#include "commands.h"
#include "records_context.h"

namespace attune::cli {
namespace fs = std::filesystem;
namespace {

using nlohmann::json;

struct Tally {
  int sessions = 0;
  int reviews = 0;
  int failed = 0;
};

void fail(Tally& tally, const std::string& path, const std::string& message) {
  ++tally.failed;
  std::cout << "FAILED " << path << ": " << message << "\n";
}

// Re-derivation catches scores and codes edited by someone who holds the key: the turns are
// replayed on the scenario copy, re-coded and re-scored. Runs on the scan's worker threads.
std::string rederive(const RecordsContext& ctx, json& record, sim::ScenarioCopies& copies) {
  if (!scored_here(ctx, record))
    return {};  // scored by another rubric or coder: nothing to re-derive against
  const sim::Scenario* scenario = copies.find(record);
  if (scenario == nullptr) {
    return "its scenario copy (scenarios/" + record["scenario"].value("sha256", "?") +
           ".yaml) is missing or broken, so its scores cannot be re-derived";
  }
  auto differences = sim::rederivation_differences(record, *scenario, ctx.rubric);
  if (differences.empty()) return {};
  std::string message = "its codes or scores do not follow from its turns (edited after scoring)";
  for (const auto& d : differences) message += "; " + d;
  return message;
}

// What is wrong with a session's review file: empty when it is intact or there is none.
struct ReviewCheck {
  bool exists = false;
  std::string path;
  std::string message;
};

ReviewCheck check_reviews(const RecordsContext& ctx, const std::string& session_id, std::size_t turns) {
  ReviewCheck out;
  out.path = ctx.store->review_location(session_id);
  auto log = ctx.store->review_log(session_id, ctx.key);
  out.exists = log.exists;
  if (!log.exists) return out;
  std::string& message = out.message;
  for (const auto& p : log.problems) message += (message.empty() ? "" : "; ") + p;
  for (const auto& e : log.entries) {
    if (e.turn && (*e.turn < 0 || static_cast<std::size_t>(*e.turn) >= turns))
      message += (message.empty() ? "" : "; ") + std::string("an override names turn ") +
                 std::to_string(*e.turn) + ", which the session does not have";
  }
  return out;
}

}  // namespace

int run_verify(const VerifyOptions& options) {
  auto ctx = open_records(options.records, "verify");
  if (!ctx) return kUsageOrIo;
  std::vector<sim::SessionFile> files;
  if (options.records_named.empty()) {
    files = ctx->store->list_sessions(std::nullopt);
  } else {
    for (const auto& argument : options.records_named) {
      auto file = ctx->store->find_session(argument);
      if (!file) {
        // A lost connection is not a missing session.
        if (auto failed = ctx->store->take_failure()) {
          std::cerr << "attune verify: " << *failed << "\n";
          return kUsageOrIo;
        }
        std::cerr << "attune verify: no session file or session id '" << argument << "' in " << ctx->root
                  << "\n";
        return kUsageOrIo;
      }
      files.push_back(std::move(*file));
    }
  }
  if (auto failed = ctx->store->take_failure()) {
    std::cerr << "attune verify: " << *failed << "\n";
    return kUsageOrIo;
  }
  Tally tally;
  sim::ScenarioCopies copies(ctx->store->scenario_source());
  std::set<std::string> session_ids;
  // The expensive checks (re-derivation, the review chain) run on the scan's worker threads; the
  // findings are printed here, in file order, so the output never depends on the threads.
  struct Findings {
    std::string record;
    ReviewCheck reviews;
  };
  std::vector<Findings> findings(files.size());
  ctx->store->scan(
      files, ctx->key,
      [&](std::size_t i, sim::ScannedSession& s) {
        findings[i].record = rederive(*ctx, s.record, copies);
        findings[i].reviews = check_reviews(*ctx, s.file.id, s.record["turns"].size());
      },
      [&](std::size_t i, sim::ScannedSession&& s) {
        ++tally.sessions;
        session_ids.insert(s.file.id);
        if (!findings[i].record.empty()) fail(tally, s.file.path, findings[i].record);
        const ReviewCheck& reviews = findings[i].reviews;
        if (reviews.exists) ++tally.reviews;
        if (!reviews.message.empty()) fail(tally, reviews.path, reviews.message);
      },
      [&](const sim::ScanProblem& p) {
        ++tally.sessions;
        fail(tally, p.path, p.message);
      });
  // A read that failed during the scan (a scenario copy, say) fails the run rather than passing it.
  if (auto failed = ctx->store->take_failure()) fail(tally, ctx->root, *failed);
  for (const auto& f : files) session_ids.insert(f.id);  // a failed record's reviews are not orphans
  // Review files are checked with their session; one whose session is gone is named too.
  if (options.records_named.empty()) {
    for (const auto& path : ctx->store->orphan_reviews(session_ids)) {
      ++tally.reviews;
      fail(tally, path, "reviews a session that is not in the records (its session file was removed)");
    }
  }
  std::cout << "Verified " << tally.sessions << (tally.sessions == 1 ? " session" : " sessions") << " and "
            << tally.reviews << (tally.reviews == 1 ? " review file" : " review files") << " in " << ctx->root
            << ": " << (tally.failed == 0 ? "all intact" : std::to_string(tally.failed) + " failed") << "\n";
  return tally.failed == 0 ? kDone : kBadContent;
}

}  // namespace attune::cli
