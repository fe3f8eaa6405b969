// The competency rubric: turns' codes -> nine competency scores and the summary metrics.
// Every number lives in the rubric file (assets/rubrics/*.yaml); the code knows only the methods.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attune/scoring/codes.h"
#include "attune/scoring/diagnostics.h"

namespace attune::scoring {

// What the rubric needs of one trainee turn.
struct ScoredTurn {
  bool silent_pass = false;  // silent passes are not "word turns"
  bool risk = false;         // the turn answers a `risk: true` node
  std::vector<Code> codes;
};

struct CompetencyScore {
  std::string id;
  std::optional<double> score;  // 0.0-4.0, one decimal; null with insufficient evidence
  std::string status;           // proficient | developing | not_yet | insufficient_evidence
  int opportunities = 0;
  std::vector<int> evidence;  // turn indices behind the score
  bool focus = false;
};

struct SessionMetrics {
  std::optional<double> reflection_question_ratio;
  std::optional<double> percent_complex_reflections;
  std::optional<double> percent_open_questions;
  int advice_count = 0;
  int boundary_crossings = 0;
  int silent_passes = 0;
  int interruptions = 0;
  int timed_turns = 0;
};

enum class OpportunityKind { every_turn, word_turns, turns_with, risk_turns };
enum class ScoringMethod { violations, good, safety };

struct CompetencyRule {
  std::string id;
  std::string name;  // for people
  OpportunityKind opportunities = OpportunityKind::every_turn;
  std::vector<Code> opportunity_codes;  // turns_with
  ScoringMethod method = ScoringMethod::violations;
  std::vector<Code> violations;
  std::vector<Code> excused_by_preceding;  // a violation is excused by these in the same or previous turn
  std::vector<Code> good;
  std::map<Code, std::vector<Code>> good_when_preceded;  // code -> counts as good after these
  int good_within_next_turns = 0;
  double full_marks_ratio = 1.0;  // good/opportunities that earns the maximum
  std::vector<Code> voided_by;    // safety: anywhere in the session -> 0
  std::vector<Code> check_codes;
  double check_points = 0;
  std::vector<Code> followup_codes;
  double followup_points = 0;
  int min_opportunities = 1;
};

// A competency is ready for sign-off when proficient in at least `proficient_sessions` of the
// last `of_last` sessions that exercised it (scored, not insufficient evidence).
struct Readiness {
  int proficient_sessions = 3;
  int of_last = 5;
};

struct MetricBands {
  double fair = 0;
  double good = 0;
};

class Rubric {
 public:
  std::string id;
  int version = 1;
  std::string title;
  double max_score = 4.0;
  double proficient_at = 3.0;
  double developing_at = 1.5;
  double violation_cap = 2.5;
  std::vector<CompetencyRule> competencies;
  std::map<std::string, MetricBands> metric_bands;
  Readiness readiness;

  std::vector<CompetencyScore> score(const std::vector<ScoredTurn>& turns,
                                     const std::vector<std::string>& focus) const;
  SessionMetrics metrics(const std::vector<ScoredTurn>& turns, const std::vector<bool>& timed) const;
  std::string status_for(std::optional<double> score) const;
  const CompetencyRule* find(std::string_view competency) const;
};

struct RubricLoad {
  std::optional<Rubric> rubric;  // set when there are no errors
  Diagnostics diagnostics;
};

RubricLoad load_rubric(std::string_view text, const std::string& file);

// True when the YAML text declares itself a rubric (`attune-rubric:` at the top level).
bool looks_like_rubric(std::string_view text);

}  // namespace attune::scoring
