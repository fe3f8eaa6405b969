#include "report_model.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "attune/scoring/agreement.h"
#include "attune/scoring/codes.h"
#include "attune/simulator/report_digest.h"
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

void redact_session(ReportSession& session, const std::map<std::string, std::string>& placeholders) {
  session.view.trainee = placeholders.at(session.view.trainee);
  for (auto& r : session.view.reviews) {
    r.by = "[supervisor]";
    r.reason = r.reason.empty() ? "" : "[reason]";
  }
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
  std::vector<std::optional<ReportSession>> prepared(files.size());

  // Sessions a supervisor's report has checked in full before come from their signed digests, when
  // the store keeps them and no transcript is wanted; the rest are fetched and checked in full.
  bool digests = ctx.store->keeps_report_digests();
  if (digests && !request.transcripts) {
    auto stored = ctx.store->report_digests(files, ctx.rubric_sha256);
    sim::parallel_for(files.size(), sim::scan_workers(), [&](std::size_t i) {
      const auto& digest = stored.at[i];
      if (!digest) return;
      auto view = sim::read_report_digest(digest->text, digest->hmac,
                                          {&files[i], digest->record_sha256, ctx.rubric_sha256}, ctx.key);
      if (!view) return;
      prepared[i] = ReportSession{std::move(*view), {}};
      if (request.redact) redact_session(*prepared[i], placeholders);
    });
  }
  std::vector<sim::SessionFile> unread;
  std::vector<std::size_t> unread_at;  // each unread session's index in `files`
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (prepared[i]) {
      cohort.sessions.push_back(std::move(*prepared[i]));
      prepared[i].reset();
      ++cohort.from_digests;
    } else {
      unread.push_back(files[i]);
      unread_at.push_back(i);
    }
  }

  sim::ScenarioCopies copies(ctx.store->scenario_source());
  std::vector<std::optional<sim::RecordsBackend::DigestPut>> made(digests ? unread.size() : 0);
  // Each session's view (its review log read, corrected scores, transcript) is made on the scan's
  // worker threads; the main thread only collects them, in file order.
  ctx.store->scan(
      unread, ctx.key,
      [&](std::size_t k, sim::ScannedSession& s) {
        ReportSession session{
            sim::review_session(s.record, ctx.store->review_log(s.file.id, ctx.key), ctx.rubric, copies), {}};
        if (digests && !s.text_sha256.empty() && session.view.reviews.empty() &&
            session.view.review_problems.empty()) {
          const sim::SessionFile* file = &unread[k];
          sim::DigestBinding binding{file, s.text_sha256, ctx.rubric_sha256};
          made[k] = sim::RecordsBackend::DigestPut{file, s.text_sha256,
                                                   sim::make_report_digest(session.view, binding, ctx.key)};
        }
        if (request.transcripts) session.turns = transcript(s.record, session.view, request.redact);
        if (request.redact) redact_session(session, placeholders);
        prepared[unread_at[k]] = std::move(session);
      },
      [&](std::size_t k, sim::ScannedSession&&) {
        cohort.sessions.push_back(std::move(*prepared[unread_at[k]]));
        prepared[unread_at[k]].reset();
        ++cohort.checked_in_full;
      },
      [&](const sim::ScanProblem& p) { cohort.skipped.push_back(p); });
  std::vector<sim::RecordsBackend::DigestPut> puts;
  for (auto& m : made) {
    if (m) puts.push_back(std::move(*m));
  }
  if (!puts.empty()) cohort.digest_problem = ctx.store->put_report_digests(puts, ctx.rubric_sha256);
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
