// The CSV report: one row per session and competency, for spreadsheets. It depends only on the
// records' content (no paths, no time of generation), so the same sessions give the same bytes.
#include <algorithm>
#include <cstdio>

#include "attune/simulator/records_scan.h"
#include "report_model.h"

namespace attune::cli {
namespace {

// RFC 4180: a field holding a comma, quote or line break is quoted, its quotes doubled.
std::string field(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string score(const std::optional<double>& value) {
  if (!value) return "";
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.1f", *value);
  return buffer;
}

// One session's rows.
void session_rows(std::string& out, const ReportSession& s) {
  const auto& v = s.view;
  for (std::size_t i = 0; i < v.automatic.size() && i < v.corrected.size(); ++i) {
    const auto& a = v.automatic[i];
    const auto& c = v.corrected[i];
    std::string evidence;
    for (int t : c.evidence) evidence += (evidence.empty() ? "" : " ") + std::to_string(t);
    out += field(v.trainee) + ',' + field(v.id) + ',' + field(v.scenario_id) + ',' + field(v.started) + ',' +
           field(v.mode) + ',' + (v.complete ? "true" : "false") + ',' + field(c.id) + ',' +
           (c.focus ? "true" : "false") + ',' + score(a.score) + ',' + score(c.score) + ',' +
           field(c.status) + ',' + std::to_string(c.opportunities) + ',' + field(evidence) + "\r\n";
  }
}

}  // namespace

std::string report_csv(const Cohort& cohort) {
  std::string out =
      "trainee,session,scenario,started,mode,complete,competency,focus,automatic_score,corrected_score,"
      "status,"
      "opportunities,evidence_turns\r\n";
  // Runs of sessions are written on the workers and joined in order: the same bytes as one thread.
  constexpr std::size_t kRun = 256;
  std::size_t runs = (cohort.sessions.size() + kRun - 1) / kRun;
  std::vector<std::string> parts(runs);
  sim::parallel_for(runs, sim::scan_workers(), [&](std::size_t r) {
    std::size_t end = std::min(cohort.sessions.size(), (r + 1) * kRun);
    for (std::size_t i = r * kRun; i < end; ++i) session_rows(parts[r], cohort.sessions[i]);
  });
  std::size_t size = out.size();
  for (const auto& p : parts) size += p.size();
  out.reserve(size);
  for (const auto& p : parts) out += p;
  return out;
}

}  // namespace attune::cli
