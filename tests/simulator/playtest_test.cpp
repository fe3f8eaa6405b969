// Trainers' toolchain: automatic playtests, test plays, the branch graph and the lints that
// say whether a scenario can test what it claims.
#include "attune/simulator/playtest.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "attune/scoring/coder.h"
#include "attune/scoring/rubric.h"
#include "attune/simulator/file_io.h"
#include "attune/simulator/scenario_graph.h"
#include "attune/simulator/scenario_lints.h"
#include "attune/simulator/test_plays.h"
#include "test_support.h"

namespace attune::sim {
namespace {

using testing::must_load;

const char* kBranchy = R"(attune: 1
id: branchy
title: Branchy
competencies: [reflective_listening, avoiding_advice]
client: {name: Sam}
vars: {trust: 0}
start: opening
nodes:
  opening:
    client: I lost my job last week and I haven't told my wife.
    model_responses:
      - You haven't found a way to tell her yet.
    respond:
      - when: [advice]
        goto: shut
      - when: [simple_reflection, complex_reflection]
        set: {trust: 1}
        goto: opens
      - when: [open_question]
        goto: opens
    otherwise: opens
  opens:
    client: She thinks I'm at work every day.
    respond:
      - when: [silence]
        if: trust >= 1
        goto: good
      - when: [judgment]
        goto: shut
    otherwise: opens-more
  opens-more:
    client: I sit in the library all day.
    choices:
      - text: That sounds lonely.
        goto: good
      - text: You need to tell her tonight.
        goto: shut
  good:
    client: Thanks. I think I can tell her.
    end: true
    outcome: engaged
  shut:
    client: Forget it.
    end: true
    outcome: withdrew
)";

TEST(Playtest, ReachesEveryNodeEndingAndBranchOfAPlayableScenario) {
  const Scenario s = must_load(kBranchy);
  const PlaytestReport r = playtest(s);
  EXPECT_EQ(r.reached_nodes, r.nodes);
  EXPECT_EQ(r.reached_endings, (std::vector<std::string>{"good", "shut"}));
  EXPECT_FALSE(r.truncated);
  for (const Branch& b : r.branches) EXPECT_TRUE(b.reached) << b.node << " " << b.describe();
  // The silence rule needs trust from a reflection first: found only by carrying variables along.
  auto silence = std::find_if(r.branches.begin(), r.branches.end(),
                              [](const Branch& b) { return b.node == "opens" && b.index == 0; });
  ASSERT_NE(silence, r.branches.end());
  EXPECT_EQ(silence->reached_by, "[silence]");
  EXPECT_EQ(r.longest_path.front(), "opening");
  EXPECT_EQ(r.longest_path.size(), 4u);  // opening -> opens -> opens-more -> an end
}

TEST(Playtest, ReportsARuleNoResponseCanReachAndCheckWarnsAtIt) {
  std::string yaml = kBranchy;
  // An `if` no play can satisfy: trust only ever goes up by one.
  yaml.replace(yaml.find("if: trust >= 1"), 14, "if: trust >= 5");
  const Scenario s = must_load(yaml);
  const PlaytestReport r = playtest(s);
  auto silence = std::find_if(r.branches.begin(), r.branches.end(),
                              [](const Branch& b) { return b.node == "opens" && b.index == 0; });
  ASSERT_NE(silence, r.branches.end());
  EXPECT_FALSE(silence->reached);
  Diagnostics d;
  check_reachable_by_playtest(s, "branchy.yaml", d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].rule, "untestable-rule");
  EXPECT_EQ(d[0].severity, Severity::warning);
  EXPECT_EQ(d[0].at.line, silence->at.line);
}

TEST(Playtest, LoopingCountersDoNotMakeTheSearchEndless) {
  const Scenario s = must_load(R"(attune: 1
id: loop
title: Loop
client: {name: Ana}
vars: {asks: 0}
start: ask
nodes:
  ask:
    client: Just tell me what to do.
    respond:
      - when: [advice]
        goto: done
      - if: asks >= 3
        goto: done
      - set: {asks: 1}
        goto: ask
    otherwise: ask
  done:
    client: Fine.
    end: true
    outcome: withdrew
)");
  const PlaytestReport r = playtest(s);
  EXPECT_FALSE(r.truncated);
  EXPECT_LT(r.plays_explored, 20u);
  EXPECT_EQ(r.reached_branches(), r.branches.size() - 1);  // `otherwise` is shadowed by the catch-all
}

TEST(Playtest, EveryProbeIsCodedAsTheBehaviourItStandsFor) {
  for (const PlaytestProbe& p : playtest_probes()) {
    const auto coding = scoring::code_utterance(p.text, std::vector<std::string>{"I don't know what to do."});
    EXPECT_TRUE(scoring::has_code(coding.codes, p.code))
        << p.text << " should be " << scoring::code_name(p.code);
  }
}

TEST(Playtest, MirroredClientLineReadsAsASimpleReflection) {
  const std::string line = "I lost my job and I'm scared to tell my wife.";
  const std::string mirrored = mirror_client_line(line);
  EXPECT_EQ(mirrored, "So you lost your job and you're scared to tell your wife.");
  EXPECT_TRUE(scoring::has_code(scoring::code_utterance(mirrored, std::vector<std::string>{line}).codes,
                                Code::simple_reflection));
}

class TestPlays : public ::testing::Test {
 protected:
  void write(const std::string& name, const std::string& text) { std::ofstream(dir.path() / name) << text; }
  testing::TempDir dir;
};

TEST_F(TestPlays, PassWhenPathAndOutcomeMatchAndSayWhatDifferedWhenNot) {
  const Scenario s = must_load(kBranchy);
  write("good.txt", "You haven't found a way to tell her yet.\n[silence]\n");
  write("shut.txt", "You should just tell her tonight.\n");
  write("branchy.plays.yaml", R"(attune-plays: 1
scenario: branchy
plays:
  - name: listens
    responses: good.txt
    path: [opening, opens, good]
    outcome: engaged
  - name: advises
    responses: shut.txt
    outcome: engaged
)");
  const std::string path = (dir.path() / "branchy.plays.yaml").string();
  auto text = read_file(path, 1 << 20);
  ASSERT_TRUE(text.text);
  auto load = load_test_plays(*text.text, path);
  ASSERT_TRUE(load.file) << (load.diagnostics.empty() ? "" : format_diagnostic(load.diagnostics[0]));
  ASSERT_EQ(load.file->plays.size(), 2u);
  const auto listens = run_test_play(s, load.file->plays[0]);
  EXPECT_TRUE(listens.passed) << listens.problem;
  const auto advises = run_test_play(s, load.file->plays[1]);
  EXPECT_FALSE(advises.passed);
  EXPECT_EQ(advises.problem, "outcome withdrew, expected engaged");
  EXPECT_EQ(advises.path, (std::vector<std::string>{"opening", "shut"}));
}

TEST_F(TestPlays, AResponsesFileThatDoesNotFitFailsWithItsLine) {
  const Scenario s = must_load(kBranchy);
  write("short.txt", "# only one line\nWhat happened?\n");
  TestPlay play{"short", (dir.path() / "short.txt").string(), {1, 1}, std::nullopt, std::nullopt};
  const auto r = run_test_play(s, play);
  EXPECT_FALSE(r.passed);
  EXPECT_NE(r.problem.find("short.txt:2: the file ends before the session does"), std::string::npos)
      << r.problem;
  write("unterminated.txt", "# no newline at the end\nWhat happened?");
  play.responses = (dir.path() / "unterminated.txt").string();
  const auto unterminated = run_test_play(s, play);
  EXPECT_NE(unterminated.problem.find("unterminated.txt:2: the file ends before the session does"),
            std::string::npos)
      << unterminated.problem;
}

TEST_F(TestPlays, MistakesInThePlaysFileAreDiagnosedWithPositions) {
  auto load = load_test_plays(
      "attune-plays: 1\nscenario: x\nplays:\n  - name: a\n    outcome: happy\n    responsez: a.txt\n",
      "x.plays.yaml");
  EXPECT_FALSE(load.file);
  std::vector<std::string> rules;
  for (const auto& d : load.diagnostics) rules.push_back(d.rule + "@" + std::to_string(d.at.line));
  EXPECT_EQ(rules, (std::vector<std::string>{"bad-value@5", "unknown-key@6", "missing-key@4"}));
  EXPECT_EQ(test_plays_path_for("scenarios/a.yaml"), "scenarios/a.plays.yaml");
}

TEST(ScenarioGraph, DotNamesRulesChoicesOutcomesAndRisk) {
  std::string yaml = kBranchy;
  yaml.replace(yaml.find("  opens:\n    client:"), 9, "  opens:\n    risk: true\n");
  yaml.replace(yaml.find("title: Branchy"), 14, "title: Branchy\ncontent_note: Job loss.");
  const Scenario s = must_load(yaml);
  const std::string dot = scenario_dot(s);
  EXPECT_NE(dot.find("\"opening\" -> \"shut\" [label=\"1. advice\"]"), std::string::npos) << dot;
  EXPECT_NE(dot.find("\"opens\" -> \"good\" [label=\"1. silence\\nif trust >= 1\"]"), std::string::npos)
      << dot;
  EXPECT_NE(dot.find("\"opening\" -> \"opens\" [label=\"otherwise\", style=dashed]"), std::string::npos);
  EXPECT_NE(dot.find("choice 2\\nYou need to tell her tonight."), std::string::npos);
  EXPECT_NE(dot.find("end: engaged"), std::string::npos);
  EXPECT_NE(dot.find("end: withdrew"), std::string::npos);
  EXPECT_NE(dot.find("RISK\", peripheries=2"), std::string::npos);
}

TEST(ScenarioGraph, LongLinesAreShortenedAndQuotesEscaped) {
  std::string yaml = kBranchy;
  yaml.replace(yaml.find("Forget it."), 10,
               "\"She said \\\"fine\\\" and that's all, after everything we went through together.\"");
  const std::string dot = scenario_dot(must_load(yaml));
  EXPECT_NE(dot.find("She said \\\"fine\\\" and that's all, after everything\xE2\x80\xA6"), std::string::npos)
      << dot;
}

TEST(ScenarioLints, BranchingOnAHeldSilenceTestsHoldingSilence) {
  const std::string rubric_path = std::string(ATTUNE_SOURCE_DIR) + "/assets/rubrics/peer-support-v1.yaml";
  auto text = read_file(rubric_path, 1 << 20);
  ASSERT_TRUE(text.text);
  auto rubric = scoring::load_rubric(*text.text, rubric_path).rubric;
  ASSERT_TRUE(rubric);
  std::string yaml = kBranchy;
  yaml.replace(yaml.find("competencies: [reflective_listening, avoiding_advice]"), 53,
               "competencies: [holding_silence]");
  Diagnostics d;
  check_competency_evidence(must_load(yaml), *rubric, "branchy.yaml", d);
  EXPECT_TRUE(d.empty()) << format_diagnostic(d.front());
}

TEST(ScenarioLints, AFocusCompetencyNothingTestsIsAWarningAtItsName) {
  const std::string rubric_path = std::string(ATTUNE_SOURCE_DIR) + "/assets/rubrics/peer-support-v1.yaml";
  auto text = read_file(rubric_path, 1 << 20);
  ASSERT_TRUE(text.text);
  auto rubric = scoring::load_rubric(*text.text, rubric_path).rubric;
  ASSERT_TRUE(rubric);
  std::string yaml = kBranchy;
  yaml.replace(
      yaml.find("competencies: [reflective_listening, avoiding_advice]"), 53,
      "competencies: [reflective_listening, avoiding_advice, purposeful_self_disclosure, safety_response]");
  const Scenario s = must_load(yaml);
  Diagnostics d;
  check_competency_evidence(s, *rubric, "branchy.yaml", d);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].rule, "untested-competency");
  EXPECT_NE(d[0].message.find("'purposeful_self_disclosure'"), std::string::npos);
  EXPECT_EQ(d[0].at.line, 4);
  EXPECT_NE(d[1].message.find("no node has `risk: true`"), std::string::npos);
}

}  // namespace
}  // namespace attune::sim
