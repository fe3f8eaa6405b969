#include "report_model.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "attune/scoring/agreement.h"
#include "attune/scoring/codes.h"
#include "review_view.h"

namespace attune::cli {
namespace {

using nlohmann::json;

// Placeholders keep the cohort's shape (who did what, how often) without who anyone is.
std::map<std::string, std::string> trainee_placeholders(const std::vector<sim::SessionFile>& files) {
  std::set<std::string> ids;
  for (const auto& f : files) ids.insert(f.trainee);
  std::map<std::string, std::string> out;
  int n = 0;
  for (const auto& id : ids) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "trainee-%03d", ++n);
    out[id] = buffer;
  }
  return out;
}

std::vector<ReportTurn> transcript(const json& record, const sim::ReviewedSession& view, bool redact) {
  std::vector<ReportTurn> out;
  const json& turns = record["turns"];
  for (std::size_t i = 0; i < turns.size(); ++i) {
    const json& t = turns[i];
    ReportTurn turn;
    turn.node = t.value("node", "");
    turn.kind = t.value("kind", "");
    bool spoke = t.contains("response") && t["response"].is_string();
    turn.client = redact ? "[client line]" : t.value("client", "");
    turn.response = !spoke ? "" : redact ? "[response]" : t["response"].get<std::string>();
    if (t.contains("codes") && t["codes"].is_array()) {
      for (const auto& c : t["codes"])
        turn.automatic.push_back(redact ? c.value("code", "?") : code_with_evidence(t, c));
    }
    if (i < view.corrected_codes.size() && view.corrected_codes[i] != view.automatic_codes[i]) {
      turn.overridden = true;
      turn.corrected = view.corrected_codes[i];
    }
    out.push_back(std::move(turn));
  }
  return out;
}

std::vector<CodeCalibration> calibrate(const std::vector<ReportSession>& sessions, int& turns_overridden) {
  std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> turns;
  for (const auto& s : sessions) {
    if (!s.view.overridden()) continue;
    for (std::size_t i = 0; i < s.view.automatic_codes.size() && i < s.view.corrected_codes.size(); ++i) {
      turns.emplace_back(s.view.automatic_codes[i], s.view.corrected_codes[i]);
      turns_overridden += s.view.automatic_codes[i] != s.view.corrected_codes[i] ? 1 : 0;
    }
  }
  std::vector<CodeCalibration> out;
  auto has = [](const std::vector<std::string>& codes, std::string_view code) {
    return std::find(codes.begin(), codes.end(), code) != codes.end();
  };
  for (auto code : scoring::all_codes()) {
    std::string_view name = scoring::code_name(code);
    CodeCalibration c;
    c.code = std::string(name);
    std::vector<std::pair<std::string, std::string>>
        pairs;  // (supervisor, coder): the supervisor is the gold
    for (const auto& [automatic, corrected] : turns) {
      bool a = has(automatic, name);
      bool b = has(corrected, name);
      c.automatic += a ? 1 : 0;
      c.corrected += b ? 1 : 0;
      pairs.emplace_back(b ? "yes" : "no", a ? "yes" : "no");
    }
    if (c.automatic + c.corrected == 0) continue;
    auto agreement = scoring::agreement(c.code, pairs);
    c.turns = agreement.n;
    c.agreement = agreement.accuracy;
    c.kappa = agreement.kappa;
    out.push_back(c);
  }
  return out;
}

}  // namespace

Cohort gather_cohort(const RecordsContext& ctx, const CohortRequest& request) {
  Cohort cohort;
  cohort.redacted = request.redact;
  auto all = ctx.store->list_sessions(std::nullopt);
  auto placeholders = trainee_placeholders(all);
  std::vector<sim::SessionFile> files;
  for (auto& f : all) {
    if (!request.trainee || f.trainee == *request.trainee) files.push_back(std::move(f));
  }
  sim::ScenarioCopies copies(ctx.store->scenario_source());
  // Each session's view (its review log read, corrected scores, transcript) is made on the scan's
  // worker threads; the main thread only collects them, in file order.
  std::vector<std::optional<ReportSession>> prepared(files.size());
  ctx.store->scan(
      files, ctx.key,
      [&](std::size_t i, sim::ScannedSession& s) {
        ReportSession session{
            sim::review_session(s.record, ctx.store->review_log(s.file.id, ctx.key), ctx.rubric, copies), {}};
        if (request.transcripts) session.turns = transcript(s.record, session.view, request.redact);
        if (request.redact) {
          session.view.trainee = placeholders.at(session.view.trainee);
          for (auto& r : session.view.reviews) {
            r.by = "[supervisor]";
            r.reason = r.reason.empty() ? "" : "[reason]";
          }
        }
        prepared[i] = std::move(session);
      },
      [&](std::size_t i, sim::ScannedSession&&) {
        cohort.sessions.push_back(std::move(*prepared[i]));
        prepared[i].reset();
      },
      [&](const sim::ScanProblem& p) { cohort.skipped.push_back(p); });
  std::set<std::string> trainees;
  for (const auto& s : cohort.sessions) trainees.insert(s.view.trainee);
  cohort.trainees.assign(trainees.begin(), trainees.end());
  std::sort(cohort.sessions.begin(), cohort.sessions.end(),
            [](const ReportSession& a, const ReportSession& b) {
              return std::tie(a.view.trainee, a.view.started, a.view.id) <
                     std::tie(b.view.trainee, b.view.started, b.view.id);
            });
  for (const auto& s : cohort.sessions) cohort.overridden_sessions += s.view.overridden() ? 1 : 0;
  cohort.calibration = calibrate(cohort.sessions, cohort.overridden_turns);
  return cohort;
}

}  // namespace attune::cli
