#include "attune/simulator/scenario_lints.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "attune/scoring/coder.h"
#include "attune/simulator/avatar_path.h"

namespace attune::sim {
namespace {

// The codes a turn needs for the competency to be judged on it: its opportunity codes when only
// turns with those count, else the codes that make a turn good or a violation.
std::set<Code> codes_counting_for(const scoring::CompetencyRule& rule) {
  std::set<Code> codes;
  auto add = [&](const std::vector<Code>& list) { codes.insert(list.begin(), list.end()); };
  if (rule.opportunities == scoring::OpportunityKind::turns_with) {
    add(rule.opportunity_codes);
    return codes;
  }
  add(rule.violations);
  add(rule.good);
  add(rule.voided_by);
  add(rule.check_codes);
  add(rule.followup_codes);
  for (const auto& [code, preceding] : rule.good_when_preceded) codes.insert(code);
  // Timing is one behaviour seen from two sides: a scenario that branches on a held silence tests
  // the skill whose violation is interrupting.
  if (codes.contains(Code::interruption)) codes.insert(Code::silence);
  if (codes.contains(Code::silence)) codes.insert(Code::interruption);
  return codes;
}

// The codes a node can tell apart: what its rules branch on, what its choices carry.
std::set<Code> codes_tested_by(const Node& node) {
  std::set<Code> codes;
  for (const Rule& rule : node.respond) codes.insert(rule.when.begin(), rule.when.end());
  for (const Choice& choice : node.choices) {
    if (choice.codes) {
      codes.insert(choice.codes->begin(), choice.codes->end());
    } else {
      for (const auto& c : scoring::code_utterance(choice.text, std::vector<std::string>{node.client}).codes)
        codes.insert(c.code);
    }
  }
  return codes;
}

}  // namespace

void check_avatar(const Scenario& s, const std::string& runtime_home, const std::string& file,
                  Diagnostics& out) {
  if (s.client.avatar.empty()) return;
  const AvatarFile avatar = avatar_file(runtime_home, s.client.avatar);
  std::string problem = avatar.problem;
  std::error_code ec;
  if (problem.empty() && !std::filesystem::is_regular_file(avatar.path, ec)) {
    problem = "there is no file " + avatar.path + "; put the picture there or fix the name";
  }
  if (problem.empty()) return;
  out.push_back(Diagnostic{
      file, s.client.avatar_at, Severity::warning,
      "avatar '" + s.client.avatar + "' cannot be shown (the window draws a face instead): " + problem,
      "avatar-not-found"});
}

void check_competency_evidence(const Scenario& s, const scoring::Rubric& rubric, const std::string& file,
                               Diagnostics& out) {
  std::set<Code> tested;
  for (const Node& node : s.nodes) {
    auto codes = codes_tested_by(node);
    tested.insert(codes.begin(), codes.end());
  }
  for (std::size_t i = 0; i < s.competencies.size(); ++i) {
    const std::string& id = s.competencies[i];
    const SourceMark at = i < s.competencies_at.size() ? s.competencies_at[i] : SourceMark{1, 1};
    const scoring::CompetencyRule* rule = rubric.find(id);
    if (rule == nullptr) continue;  // an unknown competency is the loader's error
    if (rule->opportunities == scoring::OpportunityKind::risk_turns && !s.has_risk()) {
      out.push_back(Diagnostic{file, at, Severity::warning,
                               "the scenario lists '" + id +
                                   "' but no node has `risk: true`, so no turn can "
                                   "give evidence for it; mark the risk nodes or drop it from `competencies`",
                               "untested-competency"});
      continue;
    }
    const auto counting = codes_counting_for(*rule);
    const bool any =
        std::any_of(counting.begin(), counting.end(), [&](Code c) { return tested.contains(c); });
    if (any) continue;
    std::string names;
    for (Code c : counting) names += (names.empty() ? "" : ", ") + std::string(scoring::code_name(c));
    out.push_back(Diagnostic{file, at, Severity::warning,
                             "the scenario lists '" + id +
                                 "' but no rule branches on, and no choice carries, a "
                                 "code that counts for it (" +
                                 names +
                                 "); add a branch that tests it or drop it from "
                                 "`competencies`",
                             "untested-competency"});
  }
}

}  // namespace attune::sim
