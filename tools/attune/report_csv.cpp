// The CSV report: one row per session and competency, for spreadsheets. It depends only on the
// records' content (no paths, no time of generation), so the same sessions give the same bytes.
#include <cstdio>

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

}  // namespace

std::string report_csv(const Cohort& cohort) {
  std::string out =
      "trainee,session,scenario,started,mode,complete,competency,focus,automatic_score,corrected_score,"
      "status,"
      "opportunities,evidence_turns\r\n";
  for (const auto& s : cohort.sessions) {
    const auto& v = s.view;
    for (std::size_t i = 0; i < v.automatic.size() && i < v.corrected.size(); ++i) {
      const auto& a = v.automatic[i];
      const auto& c = v.corrected[i];
      std::string evidence;
      for (int t : c.evidence) evidence += (evidence.empty() ? "" : " ") + std::to_string(t);
      out += field(v.trainee) + ',' + field(v.id) + ',' + field(v.scenario_id) + ',' + field(v.started) +
             ',' + field(v.mode) + ',' + (v.complete ? "true" : "false") + ',' + field(c.id) + ',' +
             (c.focus ? "true" : "false") + ',' + score(a.score) + ',' + score(c.score) + ',' +
             field(c.status) + ',' + std::to_string(c.opportunities) + ',' + field(evidence) + "\r\n";
    }
  }
  return out;
}

}  // namespace attune::cli
