#include "attune/simulator/reviewed_session.h"

#include <ctime>

#include "attune/simulator/json_member.h"

namespace attune::sim {

using nlohmann::json;

bool ReviewedSession::overridden() const {
  for (const auto& r : reviews) {
    if (r.kind == ReviewKind::override_codes) return true;
  }
  return false;
}

const ReviewEntry* ReviewedSession::sign_off() const {
  const ReviewEntry* last = nullptr;
  for (const auto& r : reviews) {
    if (r.kind == ReviewKind::sign_off) last = &r;
  }
  return last;
}

std::optional<long long> parse_utc(const std::string& text) {
  std::tm tm{};
  const char* end = strptime(text.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  if (end == nullptr || *end != '\0') return std::nullopt;
  return static_cast<long long>(timegm(&tm));
}

namespace {

// The quiet a record's turns say passed before each response or during each silence, in ms.
double recorded_quiet_ms(const json& record) {
  double total = 0;
  const json& turns = member_or_null(record, "turns");
  if (!turns.is_array()) return total;
  for (const auto& turn : turns) {
    for (const char* key : {"latency_ms", "silence_ms"}) {
      const json& ms = member_or_null(turn, key);
      if (ms.is_number() && ms.get<double>() > 0) total += ms.get<double>();
    }
  }
  return total;
}

}  // namespace

ReviewedSession review_session(const json& record, const std::string& records_root,
                               const scoring::Rubric& rubric, const std::string& key,
                               ScenarioCopies& copies) {
  std::string id = record.value("id", "");
  return review_session(record, read_review_log(review_path(records_root, id), id, key), rubric, copies);
}

ReviewedSession review_session(const json& record, ReviewLog log, const scoring::Rubric& rubric,
                               ScenarioCopies& copies) {
  ReviewedSession s;
  s.id = record.value("id", "");
  s.trainee = record.value("trainee", "");
  if (record.contains("scenario") && record["scenario"].is_object()) {
    s.scenario_id = record["scenario"].value("id", "");
    s.scenario_title = record["scenario"].value("title", "");
  }
  s.mode = record.value("mode", "");
  s.started = record.value("started", "");
  if (record.contains("ended") && record["ended"].is_string()) s.ended = record["ended"].get<std::string>();
  s.complete = record.value("complete", false);
  if (record.contains("outcome") && record["outcome"].is_string())
    s.outcome = record["outcome"].get<std::string>();
  auto start = parse_utc(s.started);
  auto end = s.ended ? parse_utc(*s.ended) : std::nullopt;
  if (start && end && *end > *start) s.practice_seconds = *end - *start;
  if (start && end) s.untimed = static_cast<double>(s.practice_seconds) * 1000 < recorded_quiet_ms(record);
  if (record.contains("self_rating") && record["self_rating"].is_object()) {
    std::map<std::string, int> ratings;
    for (const auto& [id, value] : record["self_rating"].items()) {
      if (value.is_number_integer()) ratings[id] = value.get<int>();
    }
    s.self_rating = std::move(ratings);
  }

  const json& competencies = member_or_null(record, "competencies");
  for (const auto& rule : rubric.competencies)
    s.automatic.push_back(recorded_score(rule.id, member_or_null(competencies, rule.id)));
  s.automatic_codes = recorded_codes(record);
  s.reviews = std::move(log.entries);
  s.review_problems = std::move(log.problems);
  s.corrected_codes = corrected_codes(s.automatic_codes, s.reviews);
  // Without overrides the recorded scores stand; rescoring them could only disagree if the rubric changed.
  s.corrected =
      s.overridden() ? score_codes(record, s.corrected_codes, rubric, copies.find(record)) : s.automatic;
  return s;
}

}  // namespace attune::sim
