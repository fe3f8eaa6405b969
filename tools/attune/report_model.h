// What `attune report` shows, gathered once from the verified records: each session's automatic
// and corrected scores (and, for HTML, its transcript), per trainee and for the cohort, and the
// calibration of the coder against supervisors' corrections. Redaction happens here, so neither
// writer ever sees a name or a line of free text it should not print.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "attune/simulator/records_scan.h"
#include "attune/simulator/reviewed_session.h"
#include "records_context.h"

namespace attune::cli {

struct ReportTurn {
  std::string node;
  std::string kind;  // reply | choice | silence
  std::string client;
  std::string response;
  std::vector<std::string> automatic;  // each code with its evidence words (code names only when redacted)
  std::vector<std::string> corrected;  // code names after the supervisor's override, when there is one
  bool overridden = false;
};

struct ReportSession {
  sim::ReviewedSession view;
  std::vector<ReportTurn> turns;  // only gathered for the HTML report
};

// Cohen's kappa of one code (present or absent in a turn) between the coder and the supervisors,
// over every turn of every overridden session.
struct CodeCalibration {
  std::string code;
  int turns = 0;
  int automatic = 0;  // turns the coder gave it
  int corrected = 0;  // turns it has after the supervisors' corrections
  double agreement = 0;
  double kappa = 0;
};

struct Cohort {
  std::vector<std::string> trainees;      // as shown (placeholders when redacted), sorted
  std::vector<ReportSession> sessions;    // by trainee, then start time, then id
  std::vector<sim::ScanProblem> skipped;  // files reported and left alone
  int overridden_sessions = 0;
  int overridden_turns = 0;
  std::vector<CodeCalibration> calibration;  // codes seen on either side, in code order
  bool redacted = false;
  // Against a store that keeps report digests: sessions read from a digest, sessions checked in
  // full, and why the digests of the latter could not be kept (they are checked again next time).
  std::size_t from_digests = 0;
  std::size_t checked_in_full = 0;
  std::optional<std::string> digest_problem;
};

struct CohortRequest {
  std::optional<std::string> trainee;
  bool transcripts = false;
  bool redact = false;
};

Cohort gather_cohort(const RecordsContext& ctx, const CohortRequest& request);

// The CSV in pieces, in order (written to the file one after another, never joined).
std::vector<std::string> report_csv(const Cohort& cohort);
std::string report_html(const Cohort& cohort, const scoring::Rubric& rubric);

}  // namespace attune::cli
