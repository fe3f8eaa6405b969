// The checks `attune import` makes of each staged session that need nothing but the session
// itself: read, schema, HMAC, its review file, and the re-derivation of its scores. They are most
// of import's work and independent of one another, so they run on every core, a batch at a time;
// what is here already is then compared and moved into place in bundle order (cmd_import.cpp).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "attune/simulator/json_schema.h"
#include "attune/simulator/rescoring.h"
#include "records_context.h"

namespace attune::cli {

struct CheckedSession {
  std::string path;  // sessions/TRAINEE/ID.json, in staging
  std::string trainee;
  std::string id;
  std::string problem;                // set: the session is rejected for this
  std::string bytes;                  // the record's bytes
  std::string scenario_sha256;        // the scenario copy it was played on
  std::optional<std::string> review;  // its staged review file, when the bundle has one
  std::string rederivation_warnings;  // "warning: PATH: ...\n" lines; only made when asked
};

class SessionChecks {
 public:
  SessionChecks(const RecordsContext& ctx, const sim::JsonSchema& schema, std::string staging)
      : ctx_(ctx), schema_(schema), staging_(std::move(staging)) {}

  // Checks the sessions at `paths` (bundle order kept), re-deriving those `needs_rederivation`
  // says yes to. Thread-safe callers only: `needs_rederivation` runs on the worker threads.
  std::vector<CheckedSession> check(const std::vector<std::string>& paths,
                                    const std::function<bool(const std::string& id)>& needs_rederivation);

 private:
  CheckedSession check_one(const std::string& path, const std::function<bool(const std::string&)>& rederive);
  std::string rederive(const std::string& path, nlohmann::json& record);

  const RecordsContext& ctx_;
  const sim::JsonSchema& schema_;
  std::string staging_;
  // A session's scenario copy is in the bundle (staging) or already here: asked in that order, the
  // two always hold it between them, as a copy leaves staging only by moving here (between batches).
  sim::ScenarioCopies staged_copies_{staging_};
  sim::ScenarioCopies local_copies_{ctx_.root};
};

}  // namespace attune::cli
