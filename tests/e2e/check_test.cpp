// `attune check` as trainers use it: the shipped library is clean, broken files get precise diagnostics.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "run_attune.h"

namespace attune::e2e {
namespace {

TEST(Check, ShippedScenariosAndRubricHaveNoErrorsOrWarnings) {
  Sandbox box;
  auto run = box.run({"check", source("scenarios").string(), source("assets/rubrics").string()});
  EXPECT_EQ(run.status, 0) << run.out << run.err;
  EXPECT_EQ(run.out.find(": error:"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find(": warning:"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("0 errors, 0 warnings"), std::string::npos) << run.out;
}

TEST(Check, ShippedScenariosAreRealSizedWithSeveralEndings) {
  for (const char* name : {"tell-me-what-to-do", "keep-it-between-us"}) {
    std::string text = slurp(source(std::string("scenarios/") + name + ".yaml"));
    std::ptrdiff_t endings = 0;
    std::ptrdiff_t nodes = 0;
    const std::regex end_node(R"(\n    end: true)");
    const std::regex node_key(R"(\n  [a-z0-9-]+:\n)");
    endings = std::distance(std::sregex_iterator(text.begin(), text.end(), end_node), std::sregex_iterator());
    nodes = std::distance(std::sregex_iterator(text.begin(), text.end(), node_key), std::sregex_iterator());
    EXPECT_GE(nodes, 12) << name;
    EXPECT_GE(endings, 3) << name;
    EXPECT_NE(text.find("model_responses"), std::string::npos) << name;
  }
}

TEST(Check, BrokenFileGetsFileLineColDiagnosticsAndExitOne) {
  Sandbox box;
  auto file = box.write("typo.yaml", R"(attune: 1
id: typo
titel: Typo
client: {name: Lee}
start: a
nodes:
  a:
    client: Hi.
    space: soon
    otherwise: b
  b:
    client: Bye.
    end: true
    outcome: engaged
)");
  auto run = box.run({"check", file.string()});
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find(file.string() +
                         ":3:1: error: unknown key 'titel' in the scenario (did you mean 'title'?)"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find(file.string() + ":9:12: error:"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("[bad-duration]"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("checked 1 file: 3 errors, 0 warnings"), std::string::npos) << run.out;
}

TEST(Check, WarningsDoNotChangeTheExitStatus) {
  Sandbox box;
  auto file = box.write("warn.yaml", R"(attune: 1
id: warn
title: Warn
client: {name: Lee}
start: a
nodes:
  a:
    client: I feel like giving up.
    risk: true
    model_responses:
      - It sounds like you're exhausted.
    otherwise: b
  b:
    client: Bye.
    end: true
    outcome: engaged
)");
  auto run = box.run({"check", file.string()});
  EXPECT_EQ(run.status, 0) << run.out;
  EXPECT_NE(run.out.find("warning:"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("[missing-content-note]"), std::string::npos) << run.out;
}

TEST(Check, EmptyAndHostileFilesAnswerWithADiagnosticNotACrash) {
  Sandbox box;
  auto empty = box.write("empty.yaml", "");
  auto run = box.run({"check", empty.string()});
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find(empty.string() + ":1:1: error:"), std::string::npos) << run.out;

  auto deep = box.write("deep.yaml", std::string(100000, '[') + std::string(100000, ']'));
  run = box.run({"check", deep.string()});
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("[too-deep]"), std::string::npos) << run.out;

  auto bomb = box.write("bomb.yaml",
                        "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                        "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                        "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                        "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
                        "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
                        "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
                        "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]\n");
  run = box.run({"check", bomb.string()});
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("[alias-limit]"), std::string::npos) << run.out;
}

TEST(Check, MissingPathIsAnIoErrorWithExitTwo) {
  Sandbox box;
  auto run = box.run({"check", (box.root() / "nope.yaml").string()});
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("nope.yaml"), std::string::npos);
}

TEST(Check, DuplicateScenarioIdsInOneLibraryAreAnError) {
  Sandbox box;
  std::string scenario = slurp(source("scenarios/tell-me-what-to-do.yaml"));
  box.write("a.yaml", scenario);
  box.write("b.yaml", scenario);
  auto run = box.run({"check", box.root().string()});
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("[duplicate-id]"), std::string::npos) << run.out;
}

TEST(Cli, EveryCommandHasHelpAndBadFlagsAreUsageErrors) {
  Sandbox box;
  for (const char* command : {"play", "check", "code", "eval", "graph", "playtest"}) {
    auto run = box.run({command, "--help"});
    EXPECT_EQ(run.status, 0) << command;
    EXPECT_NE(run.out.find("Usage"), std::string::npos) << command << ": " << run.out;
  }
  EXPECT_EQ(box.run({"check", "--no-such-flag", "x"}).status, 2);
  EXPECT_EQ(box.run({}).status, 2);
}

TEST(Cli, CodePrintsCodesWithEvidence) {
  Sandbox box;
  auto run = box.run({"code", "You should call your landlord tonight."});
  EXPECT_EQ(run.status, 0);
  EXPECT_NE(run.out.find("primary: advice"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("rule "), std::string::npos) << run.out;
}

TEST(Cli, EvalReportsAgreementWithAnnotatedUtterances) {
  Sandbox box;
  auto data = box.write("mini.jsonl",
                        R"({"text": "You should call your landlord tonight.", "label": "advice"}
{"text": "What would help most right now?", "label": "open_question"}
{"text": "It sounds like you're exhausted.", "label": "simple_reflection", "context": ["I'm so tired."]}
{"text": "Mm-hmm.", "label": "other"}
)");
  auto run = box.run({"eval", data.string(), "--json"});
  ASSERT_EQ(run.status, 0) << run.err;
  auto report = nlohmann::json::parse(run.out);
  EXPECT_EQ(report["n"], 4);
  EXPECT_TRUE(report["kappa"].is_number());
  EXPECT_TRUE(report["per_label"].contains("advice"));
  EXPECT_TRUE(report["views"].contains("reflections_collapsed"));
  auto table = box.run({"eval", data.string()});
  EXPECT_NE(table.out.find("Cohen's kappa"), std::string::npos) << table.out;
  EXPECT_EQ(box.run({"eval", (box.root() / "missing.jsonl").string()}).status, 2);
}

TEST(Cli, CodeJsonlWritesOneLinePerInputInOrder) {
  Sandbox box;
  auto data = box.write("in.jsonl", "{\"text\": \"Have you tried a budget?\"}\n{\"text\": \"Mm-hmm.\"}\n");
  auto run = box.run({"code", "--jsonl", data.string()});
  ASSERT_EQ(run.status, 0) << run.err;
  std::istringstream lines(run.out);
  std::string first, second;
  std::getline(lines, first);
  std::getline(lines, second);
  auto a = nlohmann::json::parse(first);
  auto b = nlohmann::json::parse(second);
  EXPECT_EQ(a["line"], 1);
  EXPECT_EQ(a["primary"], "advice");
  EXPECT_TRUE(a["codes"][0]["span"].is_array());
  EXPECT_EQ(b["line"], 2);
}

}  // namespace
}  // namespace attune::e2e
