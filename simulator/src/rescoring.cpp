#include "attune/simulator/rescoring.h"

#include <cstdio>

#include "attune/simulator/journal.h"
#include "attune/simulator/json_member.h"
#include "attune/simulator/records.h"
#include "attune/simulator/scenario_loader.h"

namespace attune::sim {
namespace {

using nlohmann::json;

std::string score_text(const std::optional<double>& score) {
  if (!score) return "none";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", *score);
  return buffer;
}

// Code names with their evidence spans and rules: what re-coding must reproduce exactly.
std::string code_list(const json& codes) {
  std::string out;
  for (const auto& c : codes) {
    if (!c.is_object()) continue;
    out += (out.empty() ? "" : ", ") + c.value("code", "?");
  }
  return "[" + out + "]";
}

// Whether re-coding gave the recorded codes: each code's name, evidence span and rule, in order
// (confidences are rounded in the record, so they are not compared). Compared in place: building
// JSON for both sides cost a sixth of `verify`.
bool same_codes(const std::vector<scoring::CodeEvidence>& again, const json& recorded) {
  std::vector<const json*> codes;
  if (recorded.is_array()) {
    for (const auto& c : recorded) {
      if (c.is_object()) codes.push_back(&c);
    }
  }
  if (codes.size() != again.size()) return false;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const json& name = member_or_null(*codes[i], "code");
    const json& span = member_or_null(*codes[i], "span");
    const json& rule = member_or_null(*codes[i], "rule");
    if (!name.is_string() || name.get_ref<const std::string&>() != scoring::code_name(again[i].code))
      return false;
    if (again[i].span ? !(span.is_array() && span.size() == 2 && span[0] == json(again[i].span->first) &&
                          span[1] == json(again[i].span->second))
                      : !span.is_null())
      return false;
    if (rule.is_null() ? !again[i].rule.empty()
                       : !rule.is_string() || rule.get_ref<const std::string&>() != again[i].rule)
      return false;
  }
  return true;
}

}  // namespace

const Scenario* ScenarioCopies::find(const json& record) {
  const json& scenario = member_or_null(record, "scenario");
  std::string sha = scenario.is_object() ? scenario.value("sha256", "") : "";
  // Only a hex digest names a file: anything else could walk out of the directory.
  if (sha.size() != 64 || sha.find_first_not_of("0123456789abcdef") != std::string::npos) return nullptr;
  std::lock_guard lock(mutex_);
  auto it = loaded_.find(sha);
  if (it == loaded_.end()) {
    std::optional<Scenario> copy;
    if (source_) {
      if (auto text = source_(sha)) copy = load_scenario(*text, "scenarios/" + sha + ".yaml").scenario;
    } else {
      copy = std::move(load_scenario_file(root_ + "/scenarios/" + sha + ".yaml").load.scenario);
    }
    it = loaded_.emplace(sha, std::move(copy)).first;
  }
  return it->second ? &*it->second : nullptr;
}

std::vector<std::vector<std::string>> recorded_codes(const json& record) {
  std::vector<std::vector<std::string>> out;
  if (!record.contains("turns") || !record["turns"].is_array()) return out;
  for (const auto& turn : record["turns"]) {
    std::vector<std::string> names;
    if (turn.is_object() && turn.contains("codes") && turn["codes"].is_array()) {
      for (const auto& code : turn["codes"]) {
        if (code.is_object() && code.contains("code") && code["code"].is_string())
          names.push_back(code["code"].get<std::string>());
      }
    }
    out.push_back(std::move(names));
  }
  return out;
}

std::vector<scoring::CompetencyScore> score_codes(const json& record,
                                                  const std::vector<std::vector<std::string>>& codes,
                                                  const scoring::Rubric& rubric, const Scenario* scenario) {
  std::vector<scoring::ScoredTurn> turns;
  const json& recorded_turns = record["turns"];
  for (std::size_t i = 0; i < codes.size() && i < recorded_turns.size(); ++i) {
    const json& turn = recorded_turns[i];
    scoring::ScoredTurn scored;
    scored.silent_pass = turn.value("kind", "") == "silence";
    if (scenario != nullptr) {
      const Node* node = scenario->find(turn.value("node", ""));
      scored.risk = node != nullptr && node->risk;
    }
    for (const auto& name : codes[i]) {
      if (auto code = scoring::code_from_name(name)) scored.codes.push_back(*code);
    }
    turns.push_back(std::move(scored));
  }
  std::vector<std::string> focus;
  if (scenario != nullptr) {
    focus = scenario->competencies;
  } else if (record.contains("competencies") && record["competencies"].is_object()) {
    for (const auto& [id, c] : record["competencies"].items()) {
      if (c.is_object() && c.value("focus", false)) focus.push_back(id);
    }
  }
  return rubric.score(turns, focus);
}

scoring::CompetencyScore recorded_score(const std::string& id, const json& c) {
  scoring::CompetencyScore out;
  out.id = id;
  if (!c.is_object()) return out;
  if (c.contains("score") && c["score"].is_number()) out.score = c["score"].get<double>();
  out.status = c.value("status", "");
  out.opportunities = c.value("opportunities", 0);
  out.focus = c.value("focus", false);
  if (c.contains("evidence") && c["evidence"].is_array()) {
    for (const auto& t : c["evidence"]) {
      if (t.is_number_integer()) out.evidence.push_back(t.get<int>());
    }
  }
  return out;
}

std::vector<std::string> score_differences(const json& record,
                                           const std::vector<scoring::CompetencyScore>& derived) {
  std::vector<std::string> out;
  const json& recorded = member_or_null(record, "competencies");
  for (const auto& d : derived) {
    if (!recorded.is_object() || !recorded.contains(d.id)) {
      out.push_back(d.id + ": missing from the record");
      continue;
    }
    auto r = recorded_score(d.id, recorded[d.id]);
    if (r.score != d.score || r.status != d.status || r.opportunities != d.opportunities ||
        r.evidence != d.evidence || r.focus != d.focus) {
      out.push_back(d.id + ": recorded " + score_text(r.score) + " (" + r.status +
                    "), from the turns' codes " + score_text(d.score) + " (" + d.status + ")");
    }
  }
  return out;
}

std::vector<std::string> rederivation_differences(json& record, const Scenario& scenario,
                                                  const scoring::Rubric& rubric) {
  std::vector<std::string> out;
  if (!record.contains("turns") || !record["turns"].is_array()) return {"it has no turns list"};
  for (const auto& turn : record["turns"]) {
    if (!turn.is_object() || !turn.contains("node") || !turn["node"].is_string() || !turn.contains("kind") ||
        !turn["kind"].is_string())
      return {"a turn lacks its node or kind"};
  }
  // The turns are lent to the replay and given back: copying them would double the work of a scan.
  JournalContents replay;
  replay.turns = std::move(record["turns"].get_ref<json::array_t&>());
  Session session(scenario, record.value("mode", "") == "exam" ? SessionMode::exam : SessionMode::practice);
  auto error = replay_journal(session, replay);
  record["turns"] = json(std::move(replay.turns));
  if (error) return {"its turns do not replay on its scenario copy: " + *error};
  const json& recorded = record["turns"];
  for (std::size_t i = 0; i < session.turns().size(); ++i) {
    const json& before = member_or_null(recorded[i], "codes");
    if (!same_codes(session.turns()[i].codes, before))
      out.push_back("turn " + std::to_string(i) + ": recorded " + code_list(before) + ", re-coded " +
                    code_list(codes_json(session.turns()[i].codes)));
  }
  for (auto& d : score_differences(record, rubric.score(scored_turns(session), scenario.competencies))) {
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace attune::sim
