#include "attune/simulator/progress.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "attune/simulator/file_io.h"

namespace attune::sim {
namespace {

using nlohmann::json;

json score_json(const std::optional<double>& score) {
  return score ? json(*score) : json(nullptr);
}

double round2(double value) {
  return std::round(value * 100.0) / 100.0;
}

const scoring::CompetencyScore* find_score(const std::vector<scoring::CompetencyScore>& scores,
                                           const std::string& id) {
  for (const auto& s : scores) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

json competency_progress(const scoring::CompetencyRule& rule,
                         const std::vector<const ReviewedSession*>& sessions, const scoring::Rubric& rubric) {
  json trend = json::array();
  json self_rating = json::array();
  std::vector<double> scores;
  std::vector<bool> proficient;
  long long seconds = 0;
  int focus_sessions = 0;
  for (const ReviewedSession* s : sessions) {
    const auto* corrected = find_score(s->corrected, rule.id);
    const auto* automatic = find_score(s->automatic, rule.id);
    if (corrected == nullptr || automatic == nullptr) continue;
    focus_sessions += corrected->focus ? 1 : 0;
    if (s->self_rating && s->self_rating->count(rule.id) > 0) {
      self_rating.push_back({{"session", s->id},
                             {"rating", s->self_rating->at(rule.id)},
                             {"score", score_json(corrected->score)}});
    }
    if (!corrected->score) continue;  // insufficient evidence: the session did not exercise it
    seconds += s->practice_seconds;
    scores.push_back(*corrected->score);
    proficient.push_back(corrected->status == "proficient");
    trend.push_back({{"session", s->id},
                     {"started", s->started},
                     {"score", *corrected->score},
                     {"automatic_score", score_json(automatic->score)},
                     {"status", corrected->status},
                     {"corrected", s->overridden()}});
  }
  json out = {{"name", rule.name},
              {"sessions", scores.size()},
              {"focus_sessions", focus_sessions},
              {"practice_seconds", seconds},
              {"trend", trend},
              {"self_rating", self_rating},
              {"latest", nullptr},
              {"best", nullptr},
              {"moving_average", nullptr}};
  const auto& ready = rubric.readiness;
  std::size_t window = std::min(scores.size(), static_cast<std::size_t>(ready.of_last));
  int recent_proficient = static_cast<int>(
      std::count(proficient.end() - static_cast<std::ptrdiff_t>(window), proficient.end(), true));
  out["readiness"] = {{"ready", recent_proficient >= ready.proficient_sessions},
                      {"proficient_sessions", recent_proficient},
                      {"of_last", window}};
  if (!scores.empty()) {
    out["latest"] = trend.back();
    out["best"] = *std::max_element(scores.begin(), scores.end());
    std::size_t n = std::min(scores.size(), static_cast<std::size_t>(kMovingAverageSessions));
    double sum = 0;
    for (auto it = scores.end() - static_cast<std::ptrdiff_t>(n); it != scores.end(); ++it) sum += *it;
    out["moving_average"] = round2(sum / static_cast<double>(n));
  }
  return out;
}

}  // namespace

json progress_json(const std::string& trainee, std::vector<const ReviewedSession*> sessions,
                   const scoring::Rubric& rubric) {
  std::sort(sessions.begin(), sessions.end(), [](const ReviewedSession* a, const ReviewedSession* b) {
    return std::tie(a->started, a->id) < std::tie(b->started, b->id);
  });
  json competencies = json::object();
  for (const auto& rule : rubric.competencies)
    competencies[rule.id] = competency_progress(rule, sessions, rubric);
  json scenarios = json::object();
  long long seconds = 0;
  int complete = 0;
  for (const ReviewedSession* s : sessions) {
    seconds += s->practice_seconds;
    complete += s->complete ? 1 : 0;
    json& sc = scenarios[s->scenario_id];
    if (sc.is_null())
      sc = {{"title", s->scenario_title}, {"sessions", 0}, {"complete", 0}, {"practice_seconds", 0}};
    sc["sessions"] = sc["sessions"].get<int>() + 1;
    sc["complete"] = sc["complete"].get<int>() + (s->complete ? 1 : 0);
    sc["practice_seconds"] = sc["practice_seconds"].get<long long>() + s->practice_seconds;
    sc["latest_session"] = s->id;
    sc["latest_outcome"] = s->outcome ? json(*s->outcome) : json(nullptr);
  }
  int signed_off = 0;
  for (const ReviewedSession* s : sessions) signed_off += s->sign_off() != nullptr ? 1 : 0;
  return json{{"format", "attune-progress/1"},
              {"trainee", trainee},
              {"rubric",
               {{"id", rubric.id},
                {"readiness",
                 {{"proficient_sessions", rubric.readiness.proficient_sessions},
                  {"of_last", rubric.readiness.of_last}}},
                {"moving_average_of", kMovingAverageSessions}}},
              {"sessions", sessions.size()},
              {"complete_sessions", complete},
              {"signed_off_sessions", signed_off},
              {"practice_seconds", seconds},
              {"competencies", std::move(competencies)},
              {"scenarios", std::move(scenarios)}};
}

std::string progress_path(const std::string& records_root, const std::string& trainee) {
  return records_root + "/progress/" + trainee + ".progress.json";
}

ProgressRebuild rebuild_progress(const std::string& records_root, const std::string& trainee,
                                 const scoring::Rubric& rubric, const std::string& key) {
  ProgressRebuild out;
  out.path = progress_path(records_root, trainee);
  ScenarioCopies copies(records_root);
  std::vector<ReviewedSession> sessions;
  scan_sessions(
      list_session_files(records_root, trainee), key,
      [&](ScannedSession&& s) {
        sessions.push_back(review_session(s.record, records_root, rubric, key, copies));
      },
      [&](const ScanProblem& p) { out.skipped.push_back(p); });
  std::vector<const ReviewedSession*> views;
  for (const auto& s : sessions) views.push_back(&s);
  if (auto error = make_private_dir(records_root + "/progress", true)) {
    out.error = error;
    return out;
  }
  // A rebuild killed mid-write leaves its temp file; the progress file is derived, so the next
  // rebuild clears what an earlier one left.
  std::error_code ec;
  std::string stale = "." + trainee + ".progress.json.tmp-";
  for (const auto& entry : std::filesystem::directory_iterator(records_root + "/progress", ec)) {
    if (entry.path().filename().string().starts_with(stale)) std::filesystem::remove(entry.path(), ec);
  }
  out.error = write_file_atomically(out.path, progress_json(trainee, views, rubric).dump(2) + "\n");
  return out;
}

}  // namespace attune::sim
