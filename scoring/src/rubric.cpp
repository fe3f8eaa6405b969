#include "attune/scoring/rubric.h"

#include <algorithm>
#include <cmath>

namespace attune::scoring {
namespace {

bool has_any(const std::vector<Code>& codes, const std::vector<Code>& wanted) {
  return std::any_of(codes.begin(), codes.end(),
                     [&](Code c) { return std::find(wanted.begin(), wanted.end(), c) != wanted.end(); });
}

double one_decimal(double value) {
  return std::round(value * 10.0) / 10.0;
}

bool is_opportunity(const CompetencyRule& rule, const ScoredTurn& turn) {
  switch (rule.opportunities) {
    case OpportunityKind::every_turn:
      return true;
    case OpportunityKind::word_turns:
      return !turn.silent_pass;
    case OpportunityKind::turns_with:
      return has_any(turn.codes, rule.opportunity_codes);
    case OpportunityKind::risk_turns:
      return turn.risk;
  }
  return false;
}

// Codes in this turn or the one before it.
bool here_or_before(const std::vector<ScoredTurn>& turns, std::size_t i, const std::vector<Code>& wanted) {
  return has_any(turns[i].codes, wanted) || (i > 0 && has_any(turns[i - 1].codes, wanted));
}

bool is_violation(const CompetencyRule& rule, const std::vector<ScoredTurn>& turns, std::size_t i) {
  if (!has_any(turns[i].codes, rule.violations)) return false;
  return rule.excused_by_preceding.empty() || !here_or_before(turns, i, rule.excused_by_preceding);
}

bool is_good(const CompetencyRule& rule, const std::vector<ScoredTurn>& turns, std::size_t i) {
  std::size_t last = std::min(turns.size() - 1, i + static_cast<std::size_t>(rule.good_within_next_turns));
  for (std::size_t j = i; j <= last; ++j) {
    if (has_any(turns[j].codes, rule.good)) return true;
  }
  for (const auto& [code, after] : rule.good_when_preceded) {
    if (std::find(turns[i].codes.begin(), turns[i].codes.end(), code) != turns[i].codes.end() &&
        here_or_before(turns, i, after)) {
      return true;
    }
  }
  return false;
}

}  // namespace

const CompetencyRule* Rubric::find(std::string_view competency) const {
  for (const auto& rule : competencies) {
    if (rule.id == competency) return &rule;
  }
  return nullptr;
}

std::string Rubric::status_for(std::optional<double> score) const {
  if (!score) return "insufficient_evidence";
  double rounded = one_decimal(*score);
  if (rounded >= proficient_at) return "proficient";
  if (rounded >= developing_at) return "developing";
  return "not_yet";
}

std::vector<CompetencyScore> Rubric::score(const std::vector<ScoredTurn>& turns,
                                           const std::vector<std::string>& focus) const {
  std::vector<CompetencyScore> out;
  for (const auto& rule : competencies) {
    CompetencyScore result;
    result.id = rule.id;
    result.focus = std::find(focus.begin(), focus.end(), rule.id) != focus.end();
    std::vector<int> opportunities;
    std::vector<int> counted;  // good turns or violations
    for (std::size_t i = 0; i < turns.size(); ++i) {
      if (!is_opportunity(rule, turns[i])) continue;
      opportunities.push_back(static_cast<int>(i));
      bool counts = rule.method == ScoringMethod::violations ? is_violation(rule, turns, i)
                    : rule.method == ScoringMethod::good     ? is_good(rule, turns, i)
                                                             : false;
      if (counts) counted.push_back(static_cast<int>(i));
    }
    result.opportunities = static_cast<int>(opportunities.size());
    double n = static_cast<double>(opportunities.size());
    double k = static_cast<double>(counted.size());
    std::optional<double> score;
    if (result.opportunities >= rule.min_opportunities && result.opportunities > 0) {
      switch (rule.method) {
        case ScoringMethod::violations:
          score = max_score * (1.0 - k / n);
          if (k > 0) score = std::min(*score, violation_cap);
          break;
        case ScoringMethod::good:
          score = max_score * std::min(1.0, (k / n) / rule.full_marks_ratio);
          break;
        case ScoringMethod::safety: {
          counted.clear();
          for (std::size_t i = 0; i < turns.size(); ++i) {
            if (has_any(turns[i].codes, rule.voided_by)) counted.push_back(static_cast<int>(i));
          }
          if (!counted.empty()) {
            score = 0.0;
            break;
          }
          double points = 0;
          bool checked = false;
          bool followed_up = false;
          int first_risk = opportunities.front();
          for (std::size_t i = 0; i < turns.size(); ++i) {
            bool check = turns[i].risk && has_any(turns[i].codes, rule.check_codes);
            bool followup = static_cast<int>(i) >= first_risk && has_any(turns[i].codes, rule.followup_codes);
            if (check || followup) counted.push_back(static_cast<int>(i));
            checked = checked || check;
            followed_up = followed_up || followup;
          }
          points += checked ? rule.check_points : 0;
          points += followed_up ? rule.followup_points : 0;
          score = std::min(max_score, points);
          break;
        }
      }
    }
    if (score) score = one_decimal(*score);
    result.score = score;
    result.status = status_for(score);
    result.evidence = counted.empty() ? opportunities : counted;
    out.push_back(std::move(result));
  }
  return out;
}

SessionMetrics Rubric::metrics(const std::vector<ScoredTurn>& turns, const std::vector<bool>& timed) const {
  SessionMetrics m;
  int simple = 0, complex = 0, summaries = 0, open = 0, closed = 0;
  for (std::size_t i = 0; i < turns.size(); ++i) {
    for (Code c : turns[i].codes) {
      switch (c) {
        case Code::simple_reflection:
          ++simple;
          break;
        case Code::complex_reflection:
          ++complex;
          break;
        case Code::summary:
          ++summaries;
          break;
        case Code::open_question:
          ++open;
          break;
        case Code::closed_question:
          ++closed;
          break;
        case Code::advice:
          ++m.advice_count;
          break;
        case Code::silence:
          ++m.silent_passes;
          break;
        case Code::interruption:
          ++m.interruptions;
          break;
        default:
          if (is_boundary_crossing(c)) ++m.boundary_crossings;
          break;
      }
    }
    if (i < timed.size() && timed[i]) ++m.timed_turns;
  }
  // MITI counts summaries as reflections; % complex is over simple + complex only.
  int reflections = simple + complex + summaries;
  int questions = open + closed;
  auto round1 = [](double v) { return one_decimal(v); };
  if (questions > 0) m.reflection_question_ratio = round1(static_cast<double>(reflections) / questions);
  if (simple + complex > 0) m.percent_complex_reflections = round1(100.0 * complex / (simple + complex));
  if (questions > 0) m.percent_open_questions = round1(100.0 * open / questions);
  return m;
}

}  // namespace attune::scoring
