// The CSV report: one row per session and competency, for spreadsheets. It depends only on the
// records' content (no paths, no time of generation), so the same sessions give the same bytes.
#include <algorithm>
#include <charconv>
#include <string_view>

#include "attune/simulator/records_scan.h"
#include "report_model.h"

namespace attune::cli {
namespace {

// RFC 4180: a field holding a comma, quote or line break is quoted, its quotes doubled. A cohort's
// CSV has millions of fields, so they are appended in place.
void field(std::string& out, std::string_view value) {
  bool plain = true;
  for (char c : value) plain = plain && c != ',' && c != '"' && c != '\r' && c != '\n';
  if (plain) {
    out += value;
    return;
  }
  out += '"';
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void number(std::string& out, long long value) {
  char buffer[24];
  auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  out.append(buffer, end);
}

// One decimal, as printf's "%.1f" writes it.
void score(std::string& out, const std::optional<double>& value) {
  if (!value) return;
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, *value, std::chars_format::fixed, 1);
  if (error == std::errc()) out.append(buffer, end);
}

// One session's rows.
void session_rows(std::string& out, const ReportSession& s) {
  const auto& v = s.view;
  for (std::size_t i = 0; i < v.automatic.size() && i < v.corrected.size(); ++i) {
    const auto& a = v.automatic[i];
    const auto& c = v.corrected[i];
    for (const std::string* text : {&v.trainee, &v.id, &v.scenario_id, &v.started, &v.mode}) {
      field(out, *text);
      out += ',';
    }
    out += v.complete ? "true," : "false,";
    field(out, c.id);
    out += c.focus ? ",true," : ",false,";
    score(out, a.score);
    out += ',';
    score(out, c.score);
    out += ',';
    field(out, c.status);
    out += ',';
    number(out, c.opportunities);
    out += ',';
    for (std::size_t k = 0; k < c.evidence.size(); ++k) {
      if (k > 0) out += ' ';
      number(out, c.evidence[k]);
    }
    out += "\r\n";
  }
}

}  // namespace

std::vector<std::string> report_csv(const Cohort& cohort) {
  // Runs of sessions are written on the workers, in order: the same bytes as one thread, handed
  // to the file piece by piece (a cohort's CSV is over a hundred megabytes).
  constexpr std::size_t kRun = 256;
  std::size_t runs = (cohort.sessions.size() + kRun - 1) / kRun;
  std::vector<std::string> parts(runs + 1);
  parts[0] =
      "trainee,session,scenario,started,mode,complete,competency,focus,automatic_score,corrected_score,"
      "status,opportunities,evidence_turns\r\n";
  sim::parallel_for(runs, sim::scan_workers(), [&](std::size_t r) {
    std::size_t end = std::min(cohort.sessions.size(), (r + 1) * kRun);
    for (std::size_t i = r * kRun; i < end; ++i) session_rows(parts[r + 1], cohort.sessions[i]);
  });
  return parts;
}

}  // namespace attune::cli
