// The scenario loader's contract (PRODUCT.md, "Scenario format, version 1" and "Diagnostics"):
// one test per diagnostic rule, each pinning the rule id, the severity and the 1-based
// line:col of the offending key or value, plus the model a valid scenario loads into.
#include "attune/simulator/scenario_loader.h"

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "attune/scoring/coder.h"
#include "test_support.h"

namespace attune::sim {
namespace {

using attune::testing::diagnose;
using attune::testing::must_load;

std::string listing(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += format_diagnostic(d) + "\n";
  return out.empty() ? "(no diagnostics)\n" : out;
}

std::vector<Diagnostic> with_rule(const Diagnostics& diagnostics, std::string_view rule) {
  std::vector<Diagnostic> out;
  for (const auto& d : diagnostics) {
    if (d.rule == rule) out.push_back(d);
  }
  return out;
}

std::string where(const Diagnostic& d) {
  return std::to_string(d.at.line) + ":" + std::to_string(d.at.col);
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The single diagnostic with `rule`, checked for severity, file and position; nullopt when there is none.
std::optional<Diagnostic> expect_one(const Diagnostics& diagnostics, std::string_view rule, Severity severity,
                                     std::string_view at) {
  auto found = with_rule(diagnostics, rule);
  if (found.size() != 1) {
    ADD_FAILURE() << "expected exactly one [" << rule << "], found " << found.size() << ":\n"
                  << listing(diagnostics);
    if (found.empty()) return std::nullopt;
  }
  const Diagnostic& d = found.front();
  EXPECT_EQ(d.severity, severity) << "[" << rule << "] " << format_diagnostic(d);
  EXPECT_EQ(d.file, "test.yaml") << "[" << rule << "] " << format_diagnostic(d);
  EXPECT_EQ(where(d), at) << "[" << rule << "] " << format_diagnostic(d) << "\nall:\n"
                          << listing(diagnostics);
  return d;
}

// The positions of every diagnostic with `rule`, in the loader's (file) order.
std::vector<std::string> positions(const Diagnostics& diagnostics, std::string_view rule) {
  std::vector<std::string> out;
  for (const auto& d : with_rule(diagnostics, rule)) out.push_back(where(d));
  return out;
}

// A small valid scenario: the shape every test below starts from.
constexpr std::string_view kMinimal = R"yaml(attune: 1
id: minimal
title: Minimal
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    otherwise: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml";

TEST(ScenarioLoader, MinimalScenarioLoadsWithoutDiagnostics) {
  auto load = load_scenario(kMinimal, "test.yaml");
  EXPECT_TRUE(load.scenario.has_value());
  EXPECT_TRUE(load.diagnostics.empty()) << listing(load.diagnostics);
}

TEST(ScenarioLoader, YamlSyntaxErrorPointsWhereTheParserStopped) {
  auto load = load_scenario(R"yaml(attune: 1
id: broken
title: Broken: really
client: {name: Dana}
start: a
nodes: {}
)yaml",
                            "test.yaml");
  EXPECT_FALSE(load.scenario.has_value());
  auto d = expect_one(load.diagnostics, "yaml-syntax", Severity::error, "3:14");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "YAML syntax");
  EXPECT_EQ(load.diagnostics.size(), 1u) << listing(load.diagnostics);
}

TEST(ScenarioLoader, EmptyFileIsReportedAtOneOne) {
  auto load = load_scenario("", "test.yaml");
  EXPECT_FALSE(load.scenario.has_value());
  expect_one(load.diagnostics, "file-empty", Severity::error, "1:1");
}

TEST(ScenarioLoader, CommentOnlyFileIsEmptyAndPointsWhereReadingStopped) {
  auto diagnostics = diagnose("# a scenario, some day\n\n");
  expect_one(diagnostics, "file-empty", Severity::error, "3:1");
}

TEST(ScenarioLoader, MissingTopLevelKeyPointsAtTheScenarioMapping) {
  auto diagnostics = diagnose(R"yaml(attune: 1
id: untitled
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    otherwise: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml");
  auto d = expect_one(diagnostics, "missing-key", Severity::error, "1:1");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "'title'");
}

TEST(ScenarioLoader, MissingNodeKeyPointsAtTheNodeMapping) {
  auto diagnostics = diagnose(R"yaml(attune: 1
id: silent-client
title: Silent
client:
  name: Dana
start: opening
nodes:
  opening:
    mood: calm
    otherwise: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml");
  auto d = expect_one(diagnostics, "missing-key", Severity::error, "9:5");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "'client'");
}

TEST(ScenarioLoader, UnknownKeyPointsAtTheKeyAndSuggestsTheClosestName) {
  auto diagnostics = diagnose(R"yaml(attune: 1
id: typo
title: Typo
titel: Typo again
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    otherwise: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml");
  auto d = expect_one(diagnostics, "unknown-key", Severity::error, "4:1");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "'titel'");
  EXPECT_PRED2(contains, d->message, "did you mean 'title'");
}

TEST(ScenarioLoader, UnknownNodeKeySuggestsTheClosestNodeKey) {
  auto diagnostics = diagnose(R"yaml(attune: 1
id: typo
title: Typo
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    otherwise: done
    spaec: 4s
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml");
  auto d = expect_one(diagnostics, "unknown-key", Severity::error, "11:5");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "did you mean 'space'");
}

TEST(ScenarioLoader, UnknownKeyFarFromEveryNameHasNoSuggestion) {
  auto diagnostics = diagnose(R"yaml(attune: 1
id: typo
title: Typo
colour: blue
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    otherwise: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml");
  auto d = expect_one(diagnostics, "unknown-key", Severity::error, "4:1");
  ASSERT_TRUE(d);
  EXPECT_FALSE(contains(d->message, "did you mean")) << d->message;
}

TEST(ScenarioLoader, ListWhereTextBelongsIsAWrongTypeAtTheValue) {
  auto diagnostics = diagnose(R"yaml(attune: 1
id: wrong-type
title: [a, b]
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    otherwise: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml");
  auto d = expect_one(diagnostics, "wrong-type", Severity::error, "3:8");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "'title'");
}

TEST(ScenarioLoader, WordWhereABooleanBelongsIsAWrongTypeAtTheValue) {
  auto diagnostics = diagnose(R"yaml(attune: 1
id: wrong-type
title: Wrong type
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    otherwise: done
  done:
    client: Bye.
    end: maybe
    outcome: engaged
)yaml");
  auto d = expect_one(diagnostics, "wrong-type", Severity::error, "13:10");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "'end'");
  EXPECT_PRED2(contains, d->message, "true or false");
}

TEST(ScenarioLoader, MappingWhereADurationBelongsIsAWrongTypeAtTheValue) {
  // Like every other key that expects a single value (title, mood, end, ...), a mapping
  // given for `space` is a wrong type, not a badly written duration.
  auto diagnostics = diagnose(R"yaml(attune: 1
id: wrong-type
title: Wrong type
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    space: {a: 1}
    otherwise: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml");
  auto d = expect_one(diagnostics, "wrong-type", Severity::error, "10:12");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "'space'");
}

TEST(ScenarioLoader, EmptyValueIsReportedOnItsOwnKeyNotOnTheNextOne) {
  // An empty value has no position of its own: the diagnostic belongs to its key (or just
  // after the key's colon), never to the key on the following line.
  auto diagnostics = diagnose(R"yaml(attune: 1
id: empty-values
title:
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    otherwise: done
  limbo:
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml");
  auto found = with_rule(diagnostics, "wrong-type");
  ASSERT_EQ(found.size(), 2u) << listing(diagnostics);
  EXPECT_PRED2(contains, found[0].message, "'title'");
  EXPECT_EQ(found[0].at.line, 3) << listing(diagnostics);
  EXPECT_TRUE(found[0].at.col == 1 || found[0].at.col == 7) << listing(diagnostics);
  EXPECT_PRED2(contains, found[1].message, "'limbo'");
  EXPECT_EQ(found[1].at.line, 11) << listing(diagnostics);
  EXPECT_TRUE(found[1].at.col == 3 || found[1].at.col == 9) << listing(diagnostics);
}

std::string with_space(const std::string& space) {
  return R"yaml(attune: 1
id: durations
title: Durations
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    space: )yaml" +
         space + R"yaml(
    otherwise: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml";
}

TEST(ScenarioLoader, BadDurationsPointAtTheValue) {
  for (std::string space : {"soon", "-1s", "11min", "1e9s", "601s", "4", "1.5.5s", ".5s", "4 s", "0x10s"}) {
    SCOPED_TRACE("space: " + space);
    auto d = expect_one(diagnose(with_space(space)), "bad-duration", Severity::error, "10:12");
    ASSERT_TRUE(d);
    EXPECT_PRED2(contains, d->message, "'space'");
  }
}

TEST(ScenarioLoader, GoodDurationsLoadInMilliseconds) {
  const std::vector<std::pair<std::string, int>> cases = {
      {"800ms", 800}, {"1.5s", 1500},   {"4s", 4000},        {"0s", 0},
      {"0ms", 0},     {"600s", 600000}, {"600000ms", 600000}};
  for (const auto& [space, ms] : cases) {
    SCOPED_TRACE("space: " + space);
    auto scenario = must_load(with_space(space));
    EXPECT_EQ(scenario.node("opening").space_ms, ms);
  }
}

TEST(ScenarioLoader, NodeWithoutSpaceWaitsThreeSeconds) {
  EXPECT_EQ(must_load(std::string(kMinimal)).node("opening").space_ms, 3000);
}

TEST(ScenarioLoader, UnknownGotoTargetPointsAtTheValueAndSuggestsTheNode) {
  auto diagnostics = diagnose(R"yaml(attune: 1
id: targets
title: Targets
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    respond:
      - when: [open_question]
        goto: dnoe
    otherwise: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml");
  auto d = expect_one(diagnostics, "unknown-target", Severity::error, "12:15");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "'dnoe'");
  EXPECT_PRED2(contains, d->message, "did you mean 'done'");
}

TEST(ScenarioLoader, UnknownOtherwiseTargetPointsAtTheValueAndSuggestsTheNode) {
  auto diagnostics = diagnose(R"yaml(attune: 1
id: targets
title: Targets
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    otherwise: don
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml");
  auto d = expect_one(diagnostics, "unknown-target", Severity::error, "10:16");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "did you mean 'done'");
}

TEST(ScenarioLoader, UnknownStartPointsAtTheValueAndSuggestsTheNode) {
  auto diagnostics = diagnose(R"yaml(attune: 1
id: targets
title: Targets
client:
  name: Dana
start: openin
nodes:
  opening:
    client: Hello.
    otherwise: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml");
  auto d = expect_one(diagnostics, "unknown-target", Severity::error, "6:8");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "did you mean 'opening'");
}

TEST(ScenarioLoader, UnknownChoiceTargetHasNoSuggestionWhenNothingIsClose) {
  auto diagnostics = diagnose(R"yaml(attune: 1
id: targets
title: Targets
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    choices:
      - text: Hi.
        goto: done
      - text: Bye.
        goto: somewhere-else
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml");
  auto d = expect_one(diagnostics, "unknown-target", Severity::error, "14:15");
  ASSERT_TRUE(d);
  EXPECT_FALSE(contains(d->message, "did you mean")) << d->message;
}

TEST(ScenarioLoader, UnknownCodeInWhenPointsAtTheCodeAndSuggestsOne) {
  auto diagnostics = diagnose(R"yaml(attune: 1
id: codes
title: Codes
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    respond:
      - when: [open_question, advise]
        goto: done
    otherwise: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml");
  auto d = expect_one(diagnostics, "unknown-code", Severity::error, "11:31");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "'advise'");
  EXPECT_PRED2(contains, d->message, "did you mean 'advice'");
}

TEST(ScenarioLoader, UnknownCodeInAChoicePointsAtTheCodeAndSuggestsOne) {
  auto diagnostics = diagnose(R"yaml(attune: 1
id: codes
title: Codes
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    choices:
      - text: What brings you here today?
        codes: [open_qestion]
        goto: done
      - text: Okay.
        goto: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml");
  auto d = expect_one(diagnostics, "unknown-code", Severity::error, "12:17");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "did you mean 'open_question'");
}

TEST(ScenarioLoader, UnknownCompetencyPointsAtTheNameAndSuggestsOne) {
  auto diagnostics = diagnose(R"yaml(attune: 1
id: focus
title: Focus
competencies: [avoiding_advice, reflective_listenin]
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    otherwise: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml");
  auto d = expect_one(diagnostics, "unknown-competency", Severity::error, "4:33");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "did you mean 'reflective_listening'");
}

TEST(ScenarioLoader, UndeclaredVariableInIfPointsIntoTheExpression) {
  auto diagnostics = diagnose(R"yaml(attune: 1
id: vars
title: Vars
client:
  name: Dana
vars: { trust: 0 }
start: opening
nodes:
  opening:
    client: Hello.
    respond:
      - if: trust >= 1 and trsut < 5
        goto: done
    otherwise: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml");
  auto d = expect_one(diagnostics, "unknown-variable", Severity::error, "12:28");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "'trsut'");
  EXPECT_PRED2(contains, d->message, "did you mean 'trust'");
}

TEST(ScenarioLoader, UndeclaredVariableInSetPointsAtItsKey) {
  auto diagnostics = diagnose(R"yaml(attune: 1
id: vars
title: Vars
client:
  name: Dana
vars: { trust: 0 }
start: opening
nodes:
  opening:
    client: Hello.
    respond:
      - when: [affirmation]
        set: { trust: 1, rapport: 2 }
        goto: done
    otherwise: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml");
  auto d = expect_one(diagnostics, "unknown-variable", Severity::error, "13:26");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "'rapport'");
  EXPECT_FALSE(contains(d->message, "did you mean")) << d->message;
}

std::string with_if(const std::string& condition) {
  return R"yaml(attune: 1
id: conditions
title: Conditions
client:
  name: Dana
vars: { trust: 0, calm: 0 }
start: opening
nodes:
  opening:
    client: Hello.
    respond:
      - if: )yaml" +
         condition + R"yaml(
        goto: done
    otherwise: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml";
}

TEST(ScenarioLoader, MalformedIfPointsIntoTheExpression) {
  // `      - if: ` puts the condition's first character at column 13.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"trust => 1", "12:19"},              // no such operator: points at '='
      {"trust >= many", "12:22"},           // not a number
      {"trust >= 1 or calm < 2", "12:24"},  // 'or' is not a connective
      {"trust >= 1 and", "12:24"},          // dangling 'and'
      {"1 >= trust", "12:13"},              // a number where the variable goes
      {"\"trust >= x\"", "12:23"},          // quoted: the column skips the quote
  };
  for (const auto& [condition, at] : cases) {
    SCOPED_TRACE("if: " + condition);
    auto d = expect_one(diagnose(with_if(condition)), "bad-condition", Severity::error, at);
    ASSERT_TRUE(d);
    EXPECT_PRED2(contains, d->message, "malformed 'if'");
  }
}

TEST(ScenarioLoader, WellFormedIfLoadsIntoComparisons) {
  auto scenario = must_load(with_if("trust >= 1 and calm != -2"));
  const auto& conditions = scenario.node("opening").respond.at(0).conditions;
  ASSERT_EQ(conditions.size(), 2u);
  EXPECT_EQ(conditions[0].var, "trust");
  EXPECT_EQ(conditions[0].op, CompareOp::ge);
  EXPECT_EQ(conditions[0].value, 1);
  EXPECT_EQ(conditions[1].var, "calm");
  EXPECT_EQ(conditions[1].op, CompareOp::ne);
  EXPECT_EQ(conditions[1].value, -2);
}

TEST(ScenarioLoader, UnreachableNodePointsAtItsId) {
  auto diagnostics = diagnose(R"yaml(attune: 1
id: graph
title: Graph
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    otherwise: done
  orphan:
    client: Nobody comes here.
    otherwise: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml");
  auto d = expect_one(diagnostics, "unreachable-node", Severity::error, "11:3");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "'orphan'");
}

TEST(ScenarioLoader, NodesThatOnlyLoopReportNoEnding) {
  auto diagnostics = diagnose(R"yaml(attune: 1
id: graph
title: Graph
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    respond:
      - when: [advice]
        goto: round
    otherwise: done
  round:
    client: And round.
    otherwise: again
  again:
    client: And round again.
    otherwise: round
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml");
  EXPECT_EQ(positions(diagnostics, "no-ending"), (std::vector<std::string>{"14:3", "17:3"}))
      << listing(diagnostics);
  for (const auto& d : with_rule(diagnostics, "no-ending")) EXPECT_EQ(d.severity, Severity::error);
  EXPECT_TRUE(with_rule(diagnostics, "unreachable-node").empty()) << listing(diagnostics);
}

TEST(ScenarioLoader, ScenarioWithoutAnyEndNodeReportsNoEndingForEveryNode) {
  auto diagnostics = diagnose(R"yaml(attune: 1
id: graph
title: Graph
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    otherwise: opening
)yaml");
  expect_one(diagnostics, "no-ending", Severity::error, "8:3");
}

TEST(ScenarioLoader, FreeNodeWithoutOtherwisePointsAtItsId) {
  auto diagnostics = diagnose(R"yaml(attune: 1
id: graph
title: Graph
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    respond:
      - when: [open_question]
        goto: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml");
  auto d = expect_one(diagnostics, "missing-otherwise", Severity::error, "8:3");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "'opening'");
}

TEST(ScenarioLoader, DuplicateNodeIdPointsAtTheSecondAndNamesTheFirstLine) {
  auto load = load_scenario(R"yaml(attune: 1
id: duplicates
title: Duplicates
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    otherwise: done
  done:
    client: Bye.
    end: true
    outcome: engaged
  opening:
    client: Hello again.
    otherwise: done
)yaml",
                            "test.yaml");
  EXPECT_FALSE(load.scenario.has_value());
  auto d = expect_one(load.diagnostics, "duplicate-key", Severity::error, "15:3");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "'opening'");
  EXPECT_PRED2(contains, d->message, "line 8");
}

TEST(ScenarioLoader, DuplicateTopLevelKeyPointsAtTheSecondAndNamesTheFirstLine) {
  auto load = load_scenario(R"yaml(attune: 1
id: duplicates
title: Duplicates
client:
  name: Dana
title: Duplicates, again
start: opening
nodes:
  opening:
    client: Hello.
    otherwise: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml",
                            "test.yaml");
  EXPECT_FALSE(load.scenario.has_value());
  auto d = expect_one(load.diagnostics, "duplicate-key", Severity::error, "6:1");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "'title'");
  EXPECT_PRED2(contains, d->message, "line 3");
}

std::string with_rules(const std::string& rules) {
  return R"yaml(attune: 1
id: shadows
title: Shadows
client:
  name: Dana
vars: { trust: 0 }
start: opening
nodes:
  opening:
    client: Hello.
    respond:
)yaml" + rules +
         R"yaml(    otherwise: done
  other:
    client: Other.
    otherwise: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml";
}

TEST(ScenarioLoader, RuleWithTheSameWhenAsAnEarlierRuleIsShadowed) {
  auto diagnostics = diagnose(with_rules(R"yaml(      - when: [advice]
        goto: other
      - when: [advice]
        goto: done
)yaml"));
  auto d = expect_one(diagnostics, "shadowed-rule", Severity::error, "14:9");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "rule 1");
}

TEST(ScenarioLoader, RuleAfterARuleWithoutWhenIsShadowed) {
  auto diagnostics = diagnose(with_rules(R"yaml(      - goto: other
      - when: [advice]
        goto: done
)yaml"));
  expect_one(diagnostics, "shadowed-rule", Severity::error, "13:9");
}

TEST(ScenarioLoader, RuleAfterARuleWithABroaderWhenIsShadowed) {
  auto diagnostics = diagnose(with_rules(R"yaml(      - when: [advice, judgment, reassurance]
        goto: other
      - when: [open_question]
        goto: done
      - when: [judgment, advice]
        goto: done
)yaml"));
  auto d = expect_one(diagnostics, "shadowed-rule", Severity::error, "16:9");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "rule 1");
}

TEST(ScenarioLoader, RuleWhoseCodesAreAllTakenBySeveralEarlierRulesIsShadowed) {
  // Any response with advice or judgment goes to rule 1 or rule 2, so rule 3 never fires.
  auto diagnostics = diagnose(with_rules(R"yaml(      - when: [advice]
        goto: other
      - when: [judgment]
        goto: other
      - when: [advice, judgment]
        goto: done
)yaml"));
  expect_one(diagnostics, "shadowed-rule", Severity::error, "16:9");
}

TEST(ScenarioLoader, RuleAfterARuleWithAnIfItLacksIsNotShadowed) {
  // The earlier rule only fires when trust >= 1; otherwise the later one still can.
  auto scenario = must_load(with_rules(R"yaml(      - when: [advice]
        if: trust >= 1
        goto: other
      - when: [advice]
        goto: done
)yaml"));
  EXPECT_EQ(scenario.node("opening").respond.size(), 2u);
}

TEST(ScenarioLoader, RuleWithANarrowerWhenBeforeABroaderOneIsNotShadowed) {
  auto load = load_scenario(with_rules(R"yaml(      - when: [advice]
        goto: other
      - when: [advice, judgment]
        goto: done
)yaml"),
                            "test.yaml");
  EXPECT_TRUE(with_rule(load.diagnostics, "shadowed-rule").empty()) << listing(load.diagnostics);
  EXPECT_TRUE(load.scenario.has_value());
}

TEST(ScenarioLoader, ChoicesModeNodeWithoutChoicesIsAModeMismatchAtItsId) {
  auto diagnostics = diagnose(R"yaml(attune: 1
id: choices-only
title: Choices only
mode: choices
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    choices:
      - text: Hi.
        goto: typed
      - text: Bye.
        goto: done
  typed:
    client: Type something.
    otherwise: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml");
  auto d = expect_one(diagnostics, "mode-mismatch", Severity::error, "16:3");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "'typed'");
}

TEST(ScenarioLoader, EndNodeWithRespondOrOtherwisePointsAtEachOffendingValue) {
  auto diagnostics = diagnose(R"yaml(attune: 1
id: ends
title: Ends
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    otherwise: done
  done:
    client: Bye.
    end: true
    outcome: engaged
    respond:
      - goto: opening
    otherwise: opening
)yaml");
  EXPECT_EQ(positions(diagnostics, "end-node-responses"), (std::vector<std::string>{"16:7", "17:16"}))
      << listing(diagnostics);
  for (const auto& d : with_rule(diagnostics, "end-node-responses")) EXPECT_EQ(d.severity, Severity::error);
}

TEST(ScenarioLoader, ChoicesNodeWithRespondOrOtherwisePointsAtEachOffendingValue) {
  auto diagnostics = diagnose(R"yaml(attune: 1
id: mixed
title: Mixed
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    choices:
      - text: Hi.
        goto: done
      - text: Bye.
        goto: done
    otherwise: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml");
  expect_one(diagnostics, "choices-with-respond", Severity::error, "15:16");
}

TEST(ScenarioLoader, FormatVersionTwoIsUnsupportedAtTheValue) {
  auto diagnostics = diagnose(R"yaml(attune: 2
id: future
title: Future
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    otherwise: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml");
  auto d = expect_one(diagnostics, "unsupported-version", Severity::error, "1:9");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "attune: 1");
}

TEST(ScenarioLoader, IdWithUppercaseLettersIsABadValueAtTheValue) {
  auto diagnostics = diagnose(R"yaml(attune: 1
id: Friends-Outside
title: Ids
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    otherwise: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml");
  auto d = expect_one(diagnostics, "bad-value", Severity::error, "2:5");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "a-z, 0-9 and '-'");
}

TEST(ScenarioLoader, LevelOutOfRangeIsABadValueAtTheValue) {
  for (std::string level : {"0", "4", "-1"}) {
    SCOPED_TRACE("level: " + level);
    auto diagnostics = diagnose(R"yaml(attune: 1
id: levels
title: Levels
level: )yaml" + level + R"yaml(
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    otherwise: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml");
    auto d = expect_one(diagnostics, "bad-value", Severity::error, "4:8");
    ASSERT_TRUE(d);
    EXPECT_PRED2(contains, d->message, "level");
  }
}

TEST(ScenarioLoader, UnknownMoodIsABadValueThatSuggestsTheClosestMood) {
  auto diagnostics = diagnose(R"yaml(attune: 1
id: moods
title: Moods
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    mood: tearfull
    otherwise: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml");
  auto d = expect_one(diagnostics, "bad-value", Severity::error, "10:11");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "did you mean 'tearful'");
}

// The example of PRODUCT.md's "Scenario format, version 1", verbatim.
constexpr std::string_view kProductExample =
    R"yaml(attune: 1                       # format version (required)
id: friends-outside             # required, [a-z0-9-]+, unique in a library
title: Can we be friends?       # required
summary: A client who feels understood asks to keep in touch outside sessions.
content_note: Loneliness after a hospital stay.   # shown before play; required (warning) when any node has risk
level: 1                        # optional, 1-3 (default 1)
competencies: [respecting_boundaries, reflective_listening]   # the focus: what it is meant to exercise
mode: free                      # free (default): typed responses | choices: every non-end node offers choices
client:
  name: Dana                    # required
  persona: 34, six weeks out of hospital, lives alone.
  avatar: dana.png              # optional, under assets/avatars/
vars: { trust: 0 }              # optional integer variables, all declared here
start: opening                  # required, a node id
nodes:
  opening:
    client: You're the only one who really gets me. Can we hang out sometime, like actual friends?
    mood: hopeful               # calm|guarded|distressed|angry|hopeful|tearful (default calm)
    space: 4s                   # quiet the client needs before a reply (default 3s)
    model_responses:            # exemplary replies, shown in the debrief and coach notes
      - It means a lot that these talks help. I keep this role separate, so I'd like us to keep meeting here.
    respond:                    # first matching rule wins, top to bottom
      - when: [dual_relationship]           # matches if any of these codes is present
        set: { trust: 1 }                   # adds to variables
        goto: boundary-crossed
      - when: [simple_reflection, complex_reflection]
        say: Yeah. It's been a lonely few weeks.   # optional extra client line before the next node's
        goto: lonely
      - when: [advice, judgment]
        if: trust >= 0                      # optional: VAR OP INT [and ...], OP in < <= == != >= >
        goto: hurt
    otherwise: lonely           # required on every non-end node without choices
  lonely:
    client: Since the hospital I don't really see anyone.
    mood: tearful
    space: 6s
    respond:
      - when: [silence, simple_reflection, complex_reflection, open_question]
        goto: own-idea
    otherwise: hurt
  own-idea:
    client: Maybe I could try the drop-in group on Thursdays.
    choices:                    # numbered options, 1-based
      - text: That sounds like something you'd like to try.
        goto: ending-engaged
      - text: You should definitely go, it'll fix the loneliness.
        codes: [advice, reassurance]        # optional authored codes; check warns if the coder disagrees
        goto: hurt
  boundary-crossed:
    client: Great, I'll text you tonight!
    end: true
    outcome: engaged            # engaged|withdrew|referred|escalated
  hurt:
    client: Okay. Never mind.
    end: true
    outcome: withdrew
  ending-engaged:
    client: Yeah. I think I'll go this week.
    end: true
    outcome: engaged
)yaml";

TEST(ScenarioLoader, ProductExampleLoadsIntoTheRightModel) {
  auto load = load_scenario(kProductExample, "test.yaml");
  EXPECT_EQ(count(load.diagnostics, Severity::error), 0u) << listing(load.diagnostics);
  ASSERT_TRUE(load.scenario.has_value()) << listing(load.diagnostics);
  const Scenario& s = *load.scenario;

  EXPECT_EQ(s.format, 1);
  EXPECT_EQ(s.id, "friends-outside");
  EXPECT_EQ(s.title, "Can we be friends?");
  EXPECT_EQ(s.content_note, "Loneliness after a hospital stay.");
  EXPECT_EQ(s.level, 1);
  EXPECT_EQ(s.competencies, (std::vector<std::string>{"respecting_boundaries", "reflective_listening"}));
  EXPECT_EQ(s.mode, ScenarioMode::free);
  EXPECT_EQ(s.client.name, "Dana");
  EXPECT_EQ(s.client.avatar, "dana.png");
  EXPECT_EQ(s.vars, (std::map<std::string, long long>{{"trust", 0}}));
  EXPECT_EQ(s.start, "opening");
  ASSERT_EQ(s.nodes.size(), 6u);
  std::vector<std::string> ids;
  for (const auto& node : s.nodes) ids.push_back(node.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"opening", "lonely", "own-idea", "boundary-crossed", "hurt",
                                           "ending-engaged"}));

  const Node& opening = s.node("opening");
  EXPECT_EQ(opening.mood, Mood::hopeful);
  EXPECT_EQ(opening.space_ms, 4000);
  EXPECT_FALSE(opening.end);
  EXPECT_EQ(opening.model_responses.size(), 1u);
  ASSERT_EQ(opening.respond.size(), 3u);
  EXPECT_EQ(opening.respond[0].when, (std::vector<Code>{Code::dual_relationship}));
  ASSERT_EQ(opening.respond[0].set.size(), 1u);
  EXPECT_EQ(opening.respond[0].set[0].var, "trust");
  EXPECT_EQ(opening.respond[0].set[0].delta, 1);
  EXPECT_EQ(opening.respond[0].target, "boundary-crossed");
  EXPECT_EQ(opening.respond[1].when, (std::vector<Code>{Code::simple_reflection, Code::complex_reflection}));
  EXPECT_EQ(opening.respond[1].say, "Yeah. It's been a lonely few weeks.");
  EXPECT_EQ(opening.respond[1].target, "lonely");
  EXPECT_EQ(opening.respond[2].when, (std::vector<Code>{Code::advice, Code::judgment}));
  ASSERT_EQ(opening.respond[2].conditions.size(), 1u);
  EXPECT_EQ(opening.respond[2].conditions[0].text(), "trust >= 0");
  EXPECT_EQ(opening.respond[2].target, "hurt");
  EXPECT_EQ(opening.otherwise, "lonely");

  const Node& lonely = s.node("lonely");
  EXPECT_EQ(lonely.mood, Mood::tearful);
  EXPECT_EQ(lonely.space_ms, 6000);

  const Node& own_idea = s.node("own-idea");
  EXPECT_TRUE(own_idea.is_choices());
  EXPECT_EQ(own_idea.mood, Mood::calm);
  EXPECT_EQ(own_idea.space_ms, 3000);
  ASSERT_EQ(own_idea.choices.size(), 2u);
  EXPECT_EQ(own_idea.choices[0].text, "That sounds like something you'd like to try.");
  EXPECT_FALSE(own_idea.choices[0].codes.has_value());
  EXPECT_EQ(own_idea.choices[0].target, "ending-engaged");
  EXPECT_EQ(own_idea.choices[1].codes, (std::vector<Code>{Code::advice, Code::reassurance}));
  EXPECT_EQ(own_idea.choices[1].target, "hurt");

  EXPECT_TRUE(s.node("boundary-crossed").end);
  EXPECT_EQ(s.node("boundary-crossed").outcome, Outcome::engaged);
  EXPECT_EQ(s.node("hurt").outcome, Outcome::withdrew);
  EXPECT_EQ(s.node("ending-engaged").outcome, Outcome::engaged);
  EXPECT_FALSE(s.has_risk());
  EXPECT_EQ(s.source_text, kProductExample);
  EXPECT_EQ(s.sha256.size(), 64u);
}

TEST(ScenarioLoader, RiskNodeWithoutContentNoteWarnsButStillLoads) {
  auto load = load_scenario(R"yaml(attune: 1
id: risky
title: Risky
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Some days I don't see the point of anything.
    risk: true
    otherwise: done
  done:
    client: Thanks for asking.
    end: true
    outcome: referred
)yaml",
                            "test.yaml");
  EXPECT_TRUE(load.scenario.has_value()) << listing(load.diagnostics);
  EXPECT_EQ(count(load.diagnostics, Severity::error), 0u) << listing(load.diagnostics);
  auto d = expect_one(load.diagnostics, "missing-content-note", Severity::warning, "1:1");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "'opening'");
  ASSERT_TRUE(load.scenario.has_value());
  EXPECT_TRUE(load.scenario->has_risk());
}

TEST(ScenarioLoader, ChoiceWhoseAuthoredCodesTheCoderDoesNotSeeWarnsAtTheChoice) {
  // A plain open question authored as a boundary crossing: whatever the coder reads,
  // it is not dual_relationship.
  auto load = load_scenario(R"yaml(attune: 1
id: authored
title: Authored
mode: choices
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    choices:
      - text: What would you like to talk about today?
        codes: [dual_relationship]
        goto: done
      - text: Let's begin.
        goto: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml",
                            "test.yaml");
  EXPECT_TRUE(load.scenario.has_value()) << listing(load.diagnostics);
  auto d = expect_one(load.diagnostics, "choice-codes-disagree", Severity::warning, "12:9");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "dual_relationship");
}

TEST(ScenarioLoader, ModelResponseTheCoderReadsAsAdviceWarnsAtTheResponse) {
  const std::string advice = "You should call your sister tonight and tell her how you feel.";
  ASSERT_TRUE(scoring::has_code(scoring::code_utterance(advice).codes, Code::advice))
      << "precondition: the coder reads '" << advice << "' as advice";
  auto load = load_scenario(R"yaml(attune: 1
id: models
title: Models
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Nobody calls me any more.
    model_responses:
      - It sounds like the quiet has been hard.
      - )yaml" + advice + R"yaml(
    otherwise: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml",
                            "test.yaml");
  EXPECT_TRUE(load.scenario.has_value()) << listing(load.diagnostics);
  auto d = expect_one(load.diagnostics, "model-response-codes", Severity::warning, "12:9");
  ASSERT_TRUE(d);
  EXPECT_PRED2(contains, d->message, "advice");
}

TEST(ScenarioLoader, DiagnosticsComeInFileOrder) {
  auto diagnostics = diagnose(R"yaml(attune: 1
id: Many-Problems
title: [a]
level: 9
client:
  name: Dana
start: opening
nodes:
  opening:
    client: Hello.
    mood: glum
    otherwise: done
  done:
    client: Bye.
    end: true
    outcome: engaged
)yaml");
  ASSERT_GE(diagnostics.size(), 4u) << listing(diagnostics);
  for (std::size_t i = 1; i < diagnostics.size(); ++i) {
    const auto& a = diagnostics[i - 1].at;
    const auto& b = diagnostics[i].at;
    EXPECT_TRUE(a.line < b.line || (a.line == b.line && a.col <= b.col)) << listing(diagnostics);
  }
}

TEST(ScenarioLoader, VeryLongUnknownNamesGetNoSuggestionButStillAnError) {
  std::string long_name(200, 'b');
  auto diagnostics = testing::diagnose(
      "attune: 1\nid: t\ntitle: T\nclient: {name: A}\nstart: a\nnodes:\n  a:\n"
      "    client: Hi.\n    otherwise: " +
      long_name + "\n  " + long_name.substr(1) +
      "c:\n    client: Bye.\n    end: true\n    outcome: engaged\n");
  bool found = false;
  for (const auto& d : diagnostics) {
    if (d.rule != "unknown-target") continue;
    found = true;
    EXPECT_EQ(d.message.find("did you mean"), std::string::npos) << d.message;
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace attune::sim
