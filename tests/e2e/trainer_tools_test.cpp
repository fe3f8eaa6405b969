// The trainers' toolchain as trainers run it: the shipped library is complete and clean, every
// branch is playtested, and graph/playtest/check answer the way the docs say.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "run_attune.h"

namespace attune::e2e {
namespace {

using nlohmann::json;

std::vector<fs::path> library() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(source("scenarios"))) {
    const std::string name = entry.path().filename().string();
    if (name.ends_with(".yaml") && !name.ends_with(".plays.yaml")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(Library, TwelveScenariosCoverEveryCompetencyThreeTimesInBothModes) {
  const auto files = library();
  EXPECT_GE(files.size(), 12u);
  std::map<std::string, int> focus;
  std::set<std::string> modes;
  const std::regex competencies(R"(\ncompetencies: \[([a-z_, ]*)\])");
  const std::regex mode(R"(\nmode: (free|choices))");
  const std::regex word(R"([a-z_]+)");
  for (const auto& file : files) {
    const std::string text = slurp(file);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(text, m, competencies)) << file;
    const std::string list = m[1];
    for (auto it = std::sregex_iterator(list.begin(), list.end(), word); it != std::sregex_iterator(); ++it)
      ++focus[it->str()];
    modes.insert(std::regex_search(text, m, mode) ? m[1].str() : "free");
    EXPECT_EQ(text.rfind("# yaml-language-server: $schema=", 0), 0u) << file << " names its schema first";
  }
  for (const char* id :
       {"avoiding_advice", "holding_silence", "respecting_boundaries", "non_judgment", "reflective_listening",
        "open_questions", "purposeful_self_disclosure", "empowerment", "safety_response"}) {
    EXPECT_GE(focus[id], 3) << id << " is the focus of too few scenarios";
  }
  EXPECT_EQ(modes, (std::set<std::string>{"free", "choices"}));
}

TEST(Library, PlaytestReachesEveryNodeAndEndingAndEveryTestPlayPasses) {
  Sandbox box;
  auto run = box.run({"playtest", source("scenarios").string(), "--json"});
  EXPECT_EQ(run.status, 0) << run.err;
  const json reports = json::parse(run.out);
  EXPECT_EQ(reports.size(), library().size());
  for (const auto& r : reports) {
    const std::string id = r["scenario"];
    EXPECT_GE(r["nodes"]["total"].get<int>(), 12) << id;
    EXPECT_LE(r["nodes"]["total"].get<int>(), 40) << id;
    EXPECT_EQ(r["nodes"]["reached"], r["nodes"]["total"]) << id << ": " << r["nodes"]["unreached"].dump();
    EXPECT_TRUE(r["endings"]["unreached"].empty()) << id << ": " << r["endings"]["unreached"].dump();
    EXPECT_GE(r["endings"]["total"].get<int>(), 3) << id;
    EXPECT_FALSE(r["truncated"].get<bool>()) << id;
    EXPECT_GE(r["test_plays"].size(), 2u) << id << " keeps at least two test plays";
    for (const auto& p : r["test_plays"]) EXPECT_TRUE(p["passed"].get<bool>()) << id << " " << p.dump();
    EXPECT_TRUE(r["test_plays_diagnostics"].empty()) << id << r["test_plays_diagnostics"].dump();
  }
}

TEST(Playtest, ReportsCoverageAndFailsWhenATestPlayBreaks) {
  Sandbox box;
  auto scenario = box.write("tiny.yaml", R"(attune: 1
id: tiny
title: Tiny
client: {name: Lee}
start: a
nodes:
  a:
    client: I can't sleep since the move.
    respond:
      - when: [advice]
        goto: shut
    otherwise: good
  good:
    client: Yeah, it's the quiet.
    end: true
    outcome: engaged
  shut:
    client: Okay.
    end: true
    outcome: withdrew
)");
  box.write("advice.txt", "You should go for a walk before bed.\n");
  box.write("tiny.plays.yaml",
            "attune-plays: 1\nscenario: tiny\nplays:\n  - name: advises\n"
            "    responses: advice.txt\n    path: [a, good]\n    outcome: engaged\n");
  auto run = box.run({"playtest", scenario.string()});
  EXPECT_EQ(run.status, 1) << run.out << run.err;
  EXPECT_NE(run.out.find("nodes     3/3 reached"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("endings   2/2 reached"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("FAIL  advises: path [a, shut], expected [a, good]"), std::string::npos) << run.out;
  box.write("tiny.plays.yaml",
            "attune-plays: 1\nscenario: tiny\nplays:\n  - name: advises\n"
            "    responses: advice.txt\n    path: [a, shut]\n    outcome: withdrew\n");
  run = box.run({"playtest", scenario.string()});
  EXPECT_EQ(run.status, 0) << run.out << run.err;
  EXPECT_NE(run.out.find("test plays 1/1 passed"), std::string::npos) << run.out;
  EXPECT_EQ(box.run({"playtest", "no-such-scenario"}).status, 2);
}

TEST(Graph, DotAlwaysAndSvgThroughGraphviz) {
  Sandbox box;
  auto dot = box.run({"graph", "tell-me-what-to-do"});
  EXPECT_EQ(dot.status, 0) << dot.err;
  EXPECT_EQ(dot.out.rfind("digraph \"tell-me-what-to-do\" {", 0), 0u) << dot.out.substr(0, 200);
  EXPECT_NE(dot.out.find("end: engaged"), std::string::npos);
  EXPECT_NE(dot.out.find("otherwise"), std::string::npos);
  const fs::path svg = box.root() / "graph.svg";
  auto run = box.run({"graph", "tell-me-what-to-do", "--format", "svg", "--out", svg.string()});
  EXPECT_EQ(run.status, 0) << run.err;
  const std::string text = slurp(svg);
  EXPECT_NE(text.find("<svg"), std::string::npos);
  EXPECT_NE(text.find("end: engaged"), std::string::npos) << "node labels are drawn as text";
  auto broken = box.write("broken.yaml", "attune: 1\nid: b\n");
  EXPECT_EQ(box.run({"graph", broken.string()}).status, 1);
}

TEST(Check, JsonFormatForEditorsAndPlaytestWarnings) {
  Sandbox box;
  auto file = box.write("stuck.yaml", R"(attune: 1
id: stuck
title: Stuck
competencies: [purposeful_self_disclosure]
client: {name: Jo}
vars: {trust: 0}
start: a
nodes:
  a:
    client: I don't know why I came.
    respond:
      - when: [silence]
        if: trust >= 3
        goto: b
    otherwise: b
  b:
    client: Okay.
    end: true
    outcome: engaged
)");
  auto run = box.run({"check", "--format", "json", file.string()});
  EXPECT_EQ(run.status, 0) << run.out << run.err;
  const json report = json::parse(run.out);
  EXPECT_EQ(report["errors"], 0);
  EXPECT_EQ(report["warnings"], 2);
  const auto& d = report["files"][0]["diagnostics"];
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0]["rule"], "untested-competency");
  EXPECT_EQ(d[0]["line"], 4);
  EXPECT_EQ(d[1]["rule"], "untestable-rule");
  EXPECT_EQ(d[1]["line"], 12);
  EXPECT_EQ(d[1]["severity"], "warning");
}

TEST(Check, WarnsWhereAnAvatarCannotBeShown) {
  Sandbox box;
  auto scenario = [&](const std::string& name, const std::string& avatar) {
    return box.write(name,
                     "attune: 1\nid: " + name.substr(0, name.find('.')) +
                         "\ntitle: T\nclient:\n  name: Jo\n  avatar: " + avatar +
                         "\nstart: a\nnodes:\n  a:\n    client: Hi.\n    end: true\n    outcome: engaged\n");
  };
  const auto shipped = scenario("shipped.yaml", "ray.png");
  const auto missing = scenario("missing.yaml", "nobody.png");
  const auto escaping = scenario("escaping.yaml", "../rubrics/peer-support-v1.yaml");
  auto run = box.run({"check", "--format", "json", shipped.string(), missing.string(), escaping.string()});
  EXPECT_EQ(run.status, 0) << run.out << run.err;  // a face is drawn instead: a warning, not an error
  const json report = json::parse(run.out);
  EXPECT_EQ(report["errors"], 0);
  std::map<std::string, json> by_file;
  for (const auto& f : report["files"]) by_file[f["file"].get<std::string>()] = f["diagnostics"];
  EXPECT_TRUE(by_file[shipped.string()].empty()) << by_file[shipped.string()];
  for (const auto& file : {missing.string(), escaping.string()}) {
    ASSERT_EQ(by_file[file].size(), 1u) << file;
    EXPECT_EQ(by_file[file][0]["rule"], "avatar-not-found");
    EXPECT_EQ(by_file[file][0]["severity"], "warning");
    EXPECT_EQ(by_file[file][0]["line"], 6);
    EXPECT_EQ(by_file[file][0]["col"], 11);
  }
}

}  // namespace
}  // namespace attune::e2e
