// attune's own schema check (sim::JsonSchema, used by `attune import`) against Python's jsonschema
// (tests/schema/validate.py) on the same file, assets/schema/attune-session-1.schema.json: a played
// record and copies broken one way each must get the same verdict, at the same place, from both.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../e2e/run_attune.h"
#include "attune/simulator/json_schema.h"

namespace attune::schema_test {
namespace {

namespace fs = std::filesystem;
using e2e::quote;
using e2e::slurp;
using e2e::source;
using nlohmann::json;

sim::JsonSchema session_schema() {
  std::string error;
  auto schema = sim::JsonSchema::parse(slurp(source("assets/schema/attune-session-1.schema.json")), error);
  if (!schema) throw std::runtime_error("the session schema does not load: " + error);
  return *schema;
}

// validate.py's verdict line for each file: "ok" or "invalid at PATH [KEYWORD]: message".
std::map<std::string, std::string> python_verdicts(const std::vector<fs::path>& files) {
  std::string command = quote(ATTUNE_PYTHON) + " " + quote(source("tests/schema/validate.py").string()) +
                        " --schema " + quote(source("assets/schema/attune-session-1.schema.json").string());
  for (const auto& f : files) command += " " + quote(f.string());
  std::map<std::string, std::string> verdicts;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return verdicts;
  std::string output;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) output += buffer;
  pclose(pipe);
  std::istringstream lines(output);
  std::string line;
  while (std::getline(lines, line)) {
    for (const auto& f : files) {
      if (line.starts_with(f.string() + ": ")) verdicts[f.string()] = line.substr(f.string().size() + 2);
    }
  }
  return verdicts;
}

json played_record(const e2e::Sandbox& box) {
  e2e::Output run = box.run({"play", "tell-me-what-to-do", "--responses",
                             source("tests/fixtures/plays/tell-me-what-to-do.listening.txt").string(),
                             "--trainee", "casey", "--records", box.records().string()});
  if (run.status != 0) throw std::runtime_error("play failed: " + run.err);
  return json::parse(slurp(box.session_files(box.records()).at(0)));
}

struct Breakage {
  const char* name;
  std::function<void(json&)> apply;
};

const std::vector<Breakage> kBreakages = {
    {"intact", [](json&) {}},
    {"no-outcome", [](json& r) { r.erase("outcome"); }},
    {"no-integrity", [](json& r) { r.erase("integrity"); }},
    {"extra-key", [](json& r) { r["comment"] = "hi"; }},
    {"format", [](json& r) { r["format"] = "attune-session/2"; }},
    {"id-pattern", [](json& r) { r["id"] = "not-an-id"; }},
    {"trainee-dot", [](json& r) { r["trainee"] = ".."; }},
    {"level-type", [](json& r) { r["scenario"]["level"] = "2"; }},
    {"level-range", [](json& r) { r["scenario"]["level"] = 7; }},
    {"level-float-integer", [](json& r) { r["scenario"]["level"] = 2.0; }},
    {"mode", [](json& r) { r["mode"] = "homework"; }},
    {"ended-number", [](json& r) { r["ended"] = 5; }},
    {"complete-string", [](json& r) { r["complete"] = "yes"; }},
    {"scorer-empty", [](json& r) { r["scorer"]["version"] = ""; }},
    {"retry-object",
     [](json& r) {
       r["retry_of"] = json{{"session", "x"}, {"turn", 0}};
     }},
    {"turns-object", [](json& r) { r["turns"] = json::object(); }},
    {"turn-kind", [](json& r) { r["turns"][0]["kind"] = "shout"; }},
    {"turn-no-said", [](json& r) { r["turns"][0].erase("said"); }},
    {"turn-latency", [](json& r) { r["turns"][0]["latency_ms"] = -1; }},
    {"turn-space-max", [](json& r) { r["turns"][0]["space_ms"] = 600001; }},
    {"code-unknown",
     [](json& r) {
       r["turns"][0]["codes"] =
           json::array({{{"code", "shouting"}, {"span", nullptr}, {"rule", "x"}, {"confidence", 0.5}}});
     }},
    {"code-span-three",
     [](json& r) {
       r["turns"][0]["codes"] =
           json::array({{{"code", "advice"}, {"span", {0, 1, 2}}, {"rule", "x"}, {"confidence", 0.5}}});
     }},
    {"code-span-ok",
     [](json& r) {
       r["turns"][0]["codes"] =
           json::array({{{"code", "advice"}, {"span", {0, 1}}, {"rule", "x"}, {"confidence", 0.5}}});
     }},
    {"code-confidence",
     [](json& r) {
       r["turns"][0]["codes"] =
           json::array({{{"code", "advice"}, {"span", nullptr}, {"rule", "x"}, {"confidence", 1.5}}});
     }},
    {"competency-missing", [](json& r) { r["competencies"].erase("empowerment"); }},
    {"metrics-ratio", [](json& r) { r["metrics"]["reflection_question_ratio"] = "high"; }},
    {"self-rating-key",
     [](json& r) {
       r["self_rating"] = json{{"charm", 3}};
     }},
    {"self-rating-value",
     [](json& r) {
       r["self_rating"] = json{{"empowerment", 5}};
     }},
    {"outcome-unknown", [](json& r) { r["outcome"] = "happy"; }},
    {"complete-without-outcome",
     [](json& r) {
       r["complete"] = true;
       r["outcome"] = nullptr;
     }},
    {"hmac-short", [](json& r) { r["integrity"]["hmac_sha256"] = "abc"; }},
};

TEST(SessionSchemaCheck, AgreesWithPythonsJsonschemaOnEachBreakage) {
  e2e::Sandbox box;
  json record = played_record(box);
  ASSERT_FALSE(record["turns"].empty());
  sim::JsonSchema schema = session_schema();
  std::vector<fs::path> files;
  std::map<std::string, std::optional<sim::SchemaViolation>> ours;
  for (const auto& b : kBreakages) {
    json broken = record;
    b.apply(broken);
    files.push_back(box.write(std::string(b.name) + ".json", broken.dump()));
    ours[files.back().string()] = schema.first_violation(broken);
  }
  auto theirs = python_verdicts(files);
  for (const auto& f : files) {
    SCOPED_TRACE(f.filename().string());
    const auto& verdict = theirs[f.string()];
    const auto& violation = ours[f.string()];
    ASSERT_FALSE(verdict.empty()) << "validate.py gave no verdict";
    if (verdict == "ok") {
      EXPECT_FALSE(violation) << violation->path << ": " << violation->reason;
      continue;
    }
    ASSERT_TRUE(violation) << "Python: " << verdict;
    // "invalid at PATH [keyword]: ..." names the same place (Python shows the top level as "/").
    std::string path = verdict.substr(std::string("invalid at ").size());
    path = path.substr(0, path.find(" ["));
    EXPECT_EQ(violation->path.empty() ? "/" : violation->path, path)
        << violation->reason << "\nPython: " << verdict;
  }
  EXPECT_FALSE(ours[(box.root() / "intact.json").string()]);
  EXPECT_FALSE(ours[(box.root() / "code-span-ok.json").string()]);
}

TEST(SessionSchemaCheck, SaysWhereAndWhatIsWrong) {
  e2e::Sandbox box;
  json record = played_record(box);
  sim::JsonSchema schema = session_schema();
  auto broken = [&](const std::function<void(json&)>& apply) {
    json r = record;
    apply(r);
    auto v = schema.first_violation(r);
    return v ? v->path + ": " + v->reason : std::string("valid");
  };
  EXPECT_EQ(broken([](json& r) { r.erase("outcome"); }), ": has no `outcome` (required)");
  EXPECT_EQ(broken([](json& r) { r["turns"][0]["kind"] = "shout"; }),
            "/turns/0/kind: is 'shout', should be one of reply, choice, silence");
  EXPECT_EQ(broken([](json& r) { r["scenario"]["level"] = "2"; }),
            "/scenario/level: is a string, should be an integer");
  EXPECT_EQ(broken([](json& r) { r["ended"] = 5; }), "/ended: is 5, should be a string or null");
  EXPECT_EQ(broken([](json& r) { r["comment"] = 1; }), ": has the key `comment`, which is not allowed");
  EXPECT_EQ(broken([](json& r) { r["scenario"]["level"] = 7; }),
            "/scenario/level: is 7, more than the maximum 3");
}

TEST(SessionSchemaCheck, RefusesASchemaUsingAKeywordItDoesNotCheck) {
  std::string error;
  EXPECT_FALSE(sim::JsonSchema::parse(R"({"type": "object", "patternProperties": {}})", error));
  EXPECT_NE(error.find("`patternProperties` is not supported"), std::string::npos) << error;
  EXPECT_FALSE(sim::JsonSchema::parse(R"({"$ref": "https://example.org/x.json"})", error));
  EXPECT_NE(error.find("only local references"), std::string::npos) << error;
  EXPECT_FALSE(sim::JsonSchema::parse("not json", error));
}

}  // namespace
}  // namespace attune::schema_test
