// The JSON Schemas in assets/schema/ (draft 2020-12), checked with Python's jsonschema through
// tests/schema/validate.py (Debian python3-jsonschema and python3-yaml, see tools/deps.sh):
//  - both schemas are valid draft 2020-12 schemas, describe every key for editors, and name the
//    same codes and competencies as the scoring library;
//  - every scenario in scenarios/ (found when the test runs, *.plays.yaml aside) and every example
//    in docs/examples/ validates against the scenario schema;
//  - every case of the bad-input corpus (tests/bad-inputs/manifest.tsv) whose error is structural
//    is rejected by the schema for that reason, and the ones only `attune check` can see (graph
//    and cross-reference rules) are not rejected by it (see kRejected / kAccepted / kSkipped);
//  - a record written by a scripted `attune play` validates against the session schema.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../e2e/run_attune.h"
#include "attune/scoring/codes.h"
#include "attune/scoring/competencies.h"

namespace attune::schema_test {
namespace {

namespace fs = std::filesystem;
using e2e::quote;
using e2e::source;
using nlohmann::json;

const fs::path kScenarioSchema = source("assets/schema/attune-scenario-1.schema.json");
const fs::path kSessionSchema = source("assets/schema/attune-session-1.schema.json");

// Runs validate.py on `files` against `schema`; returns each file's line after "FILE: ".
struct Validation {
  int status = -1;
  std::map<std::string, std::string> verdicts;  // file -> "ok" | "invalid at PATH [KEYWORD]: ..." | ...
  std::string output;
};

Validation validate(const fs::path& schema, const std::vector<fs::path>& files) {
  std::string command = quote(ATTUNE_PYTHON) + " " + quote(source("tests/schema/validate.py").string()) +
                        " --schema " + quote(schema.string());
  for (const auto& f : files) command += " " + quote(f.string());
  command += " 2>&1";
  Validation result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) result.output += buffer;
  int raw = pclose(pipe);
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  std::istringstream lines(result.output);
  std::string line;
  while (std::getline(lines, line)) {
    for (const auto& f : files) {
      std::string prefix = f.string() + ": ";
      if (line.starts_with(prefix)) result.verdicts[f.string()] = line.substr(prefix.size());
    }
  }
  return result;
}

// The schema keyword in "invalid at /path [keyword]: message", or "" for other verdicts.
std::string keyword_of(const std::string& verdict) {
  if (!verdict.starts_with("invalid at ")) return "";
  auto open = verdict.find(" [");
  auto close = verdict.find("]: ", open);
  if (open == std::string::npos || close == std::string::npos) return "";
  return verdict.substr(open + 2, close - open - 2);
}

std::vector<fs::path> yaml_files(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name.ends_with(".yaml") && !name.ends_with(".plays.yaml"))
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

json read_json(const fs::path& path) {
  std::ifstream in(path);
  return json::parse(in);
}

// validate.py needs the Debian packages; say so instead of failing obscurely.
void require_python_modules() {
  std::string command = quote(ATTUNE_PYTHON) + " -c 'import jsonschema, yaml' >/dev/null 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0)
      << ATTUNE_PYTHON << " lacks jsonschema or yaml: install python3-jsonschema and python3-yaml "
      << "(tools/deps.sh does)";
}

class Schema : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_NO_FATAL_FAILURE(require_python_modules()); }
};

TEST_F(Schema, BothAreValidDraft202012Schemas) {
  for (const auto& schema : {kScenarioSchema, kSessionSchema}) {
    Validation v = validate(schema, {});
    EXPECT_EQ(v.status, 0) << v.output;
    EXPECT_NE(v.output.find("schema ok"), std::string::npos) << v.output;
    EXPECT_EQ(read_json(schema).value("$schema", ""), "https://json-schema.org/draft/2020-12/schema");
  }
}

// Editors show descriptions on hover and offer defaults on completion: every key has one (keys
// named again inside if/then/else and the like only add constraints).
void expect_described(const json& schema, const std::string& where) {
  if (schema.is_object()) {
    if (schema.contains("properties")) {
      for (const auto& [key, sub] : schema["properties"].items()) {
        if (sub.is_boolean()) continue;  // `"respond": false`: a key forbidden in that branch
        EXPECT_TRUE(sub.contains("description")) << where << "/properties/" << key << " has no description";
      }
    }
    for (const auto& [key, sub] : schema.items()) {
      // Conditional branches restate keys already declared (and described) beside them.
      static const std::set<std::string> kConditions = {"if",    "then",  "else", "not",
                                                        "allOf", "anyOf", "oneOf"};
      if (!kConditions.contains(key)) expect_described(sub, where + "/" + key);
    }
  } else if (schema.is_array()) {
    for (std::size_t i = 0; i < schema.size(); ++i)
      expect_described(schema[i], where + "/" + std::to_string(i));
  }
}

TEST_F(Schema, DescribesEveryKeyAndItsDefault) {
  json scenario = read_json(kScenarioSchema);
  expect_described(scenario, "#");
  expect_described(read_json(kSessionSchema), "#");

  const json& top = scenario["properties"];
  EXPECT_EQ(top["level"]["default"], 1);
  EXPECT_EQ(top["level"]["minimum"], 1);
  EXPECT_EQ(top["level"]["maximum"], 3);
  EXPECT_EQ(top["mode"]["default"], "free");
  const json& node = scenario["$defs"]["node"]["properties"];
  EXPECT_EQ(node["mood"]["default"], "calm");
  EXPECT_EQ(node["space"]["default"], "3s");
  EXPECT_EQ(node["risk"]["default"], false);
  EXPECT_EQ(node["end"]["default"], false);
  for (const char* def : {"node", "rule", "choice", "client"}) {
    EXPECT_EQ(scenario["$defs"][def]["additionalProperties"], false) << def << " must refuse unknown keys";
  }
  EXPECT_EQ(scenario["additionalProperties"], false);
}

TEST_F(Schema, NamesTheCodesAndCompetenciesTheScorerKnows) {
  json scenario = read_json(kScenarioSchema);
  std::set<std::string> codes;
  for (auto code : scoring::all_codes()) codes.insert(std::string(scoring::code_name(code)));
  std::set<std::string> schema_codes = scenario["$defs"]["code"]["enum"].get<std::set<std::string>>();
  EXPECT_EQ(schema_codes, codes);

  std::set<std::string> competencies(scoring::kCompetencyIds.begin(), scoring::kCompetencyIds.end());
  std::set<std::string> schema_competencies =
      scenario["$defs"]["competency"]["enum"].get<std::set<std::string>>();
  EXPECT_EQ(schema_competencies, competencies);
}

TEST_F(Schema, EveryShippedScenarioAndDocsExampleValidates) {
  std::vector<fs::path> files = yaml_files(source("scenarios"));
  ASSERT_FALSE(files.empty()) << "no scenarios found under " << source("scenarios");
  for (const auto& example : yaml_files(source("docs/examples"))) files.push_back(example);

  Validation v = validate(kScenarioSchema, files);
  ASSERT_EQ(v.verdicts.size(), files.size()) << v.output;
  for (const auto& f : files) EXPECT_EQ(v.verdicts[f.string()], "ok") << f;
  EXPECT_EQ(v.status, 0) << v.output;
}

// `# yaml-language-server: $schema=PATH` lets VS Code's YAML extension validate and complete.
TEST_F(Schema, ScenarioSchemaCommentsPointAtTheSchema) {
  const std::string marker = "# yaml-language-server: $schema=";
  std::set<std::string> commented;
  for (const auto& file : yaml_files(source("scenarios"))) {
    std::ifstream in(file);
    std::string first;
    std::getline(in, first);
    if (!first.starts_with(marker)) continue;
    commented.insert(file.stem().string());
    fs::path target = file.parent_path() / first.substr(marker.size());
    ASSERT_TRUE(fs::exists(target)) << file << ": " << target << " does not exist";
    EXPECT_TRUE(fs::equivalent(target, kScenarioSchema)) << file << " points at " << target;
  }
  EXPECT_TRUE(commented.contains("tell-me-what-to-do"));
  EXPECT_TRUE(commented.contains("keep-it-between-us"));
}

// ---- the bad-input corpus ----

struct ManifestRow {
  std::string file;
  std::string rule;  // "-" when attune accepts the file
};

std::vector<ManifestRow> manifest() {
  std::vector<ManifestRow> rows;
  std::ifstream in(source("tests/bad-inputs/manifest.tsv"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.starts_with('#')) continue;
    std::vector<std::string> cols;
    std::istringstream fields(line);
    std::string col;
    while (std::getline(fields, col, '\t')) cols.push_back(col);
    if (cols.size() >= 4) rows.push_back({cols[0], cols[3]});
  }
  return rows;
}

// Rules the schema can express, each with the schema keywords that may reject the case: the schema
// must refuse such a file, and for the same kind of reason attune does.
const std::map<std::string, std::set<std::string>> kRejected = {
    {"unknown-key", {"additionalProperties"}},
    {"missing-key", {"required", "minProperties"}},
    {"missing-otherwise", {"required"}},
    {"mode-mismatch", {"required"}},    // choices mode: every non-end node needs choices
    {"end-node-responses", {"false"}},  // respond/otherwise/choices on an end node
    {"wrong-type", {"type"}},
    {"bad-duration", {"pattern", "type"}},  // `space: 4` is a number, not a duration string
    {"bad-value", {"enum", "pattern", "minimum", "maximum", "minItems", "false"}},
    {"bad-condition", {"pattern"}},  // `if`, including numbers past one billion
    {"unsupported-version", {"const"}},
    {"unknown-code", {"enum"}},
    {"unknown-competency", {"enum"}},
    {"file-empty", {"type"}},  // an empty document is null, not a mapping
};

// Rules that need the whole scenario (targets, variables, the graph, rule order) or see what a
// JSON document cannot hold (a repeated key keeps its last value): the schema accepts these files,
// as it must not invent errors; `attune check` finds them. "-": files attune itself accepts.
const std::set<std::string> kAccepted = {
    "-",         "unknown-target", "unknown-variable", "unreachable-node",
    "no-ending", "shadowed-rule",  "duplicate-key"};

// Not JSON at all, or stopped before any structure: YAML syntax, encoding and reader limits.
const std::set<std::string> kSkipped = {"yaml-syntax", "invalid-utf8", "multiple-documents", "alias-cycle",
                                        "alias-limit", "too-deep",     "file-too-large"};

// Cases whose rule is structural for attune's reader but that a standard YAML parser cannot turn
// into JSON: a list used as a key, and a key cut off before its ':' (a syntax error to PyYAML).
const std::set<std::string> kSkippedFiles = {"non-scalar-key.yaml", "truncated-mid-key.yaml"};

TEST_F(Schema, BadInputCorpus) {
  std::vector<ManifestRow> rows = manifest();
  ASSERT_GT(rows.size(), 50u);
  std::vector<fs::path> files;
  std::vector<ManifestRow> checked;
  for (const auto& row : rows) {
    if (row.file.starts_with("gen:")) continue;  // generated giants: reader limits, see kSkipped
    bool known = kRejected.contains(row.rule) || kAccepted.contains(row.rule) || kSkipped.contains(row.rule);
    EXPECT_TRUE(known) << row.file << ": rule '" << row.rule
                       << "' is new: add it to kRejected, kAccepted or kSkipped in " << __FILE__;
    if (kSkipped.contains(row.rule) || kSkippedFiles.contains(row.file)) continue;
    files.push_back(source("tests/bad-inputs/" + row.file));
    checked.push_back(row);
  }
  ASSERT_FALSE(files.empty());
  Validation v = validate(kScenarioSchema, files);
  ASSERT_EQ(v.verdicts.size(), files.size()) << v.output;

  int rejected = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::string& verdict = v.verdicts[files[i].string()];
    const ManifestRow& row = checked[i];
    if (auto it = kRejected.find(row.rule); it != kRejected.end()) {
      ++rejected;
      std::string keyword = keyword_of(verdict);
      EXPECT_TRUE(it->second.contains(keyword))
          << row.file << " [" << row.rule << "]: the schema should reject it, got: " << verdict;
    } else {
      EXPECT_EQ(verdict, "ok") << row.file << " [" << row.rule << "]";
    }
  }
  EXPECT_GE(rejected, 50) << "too few structural cases checked: " << v.output;
}

// ---- the session record ----

TEST_F(Schema, ScriptedPlayRecordValidates) {
  e2e::Sandbox box;
  e2e::Output run = box.run({"play", "tell-me-what-to-do", "--responses",
                             source("tests/fixtures/plays/tell-me-what-to-do.listening.txt").string(),
                             "--trainee", "casey", "--records", box.records().string(), "--json"});
  ASSERT_EQ(run.status, 0) << run.err;
  std::vector<fs::path> records = box.session_files(box.records());
  ASSERT_EQ(records.size(), 1u);

  // A copy that breaks the format, to show the schema is not vacuous.
  json broken = read_json(records[0]);
  ASSERT_TRUE(broken["turns"].is_array() && !broken["turns"].empty());
  broken["turns"][0]["kind"] = "shout";
  broken.erase("integrity");
  fs::path broken_path = box.write("broken.json", broken.dump());

  Validation v = validate(kSessionSchema, {records[0], broken_path});
  EXPECT_EQ(v.verdicts[records[0].string()], "ok") << v.output;
  EXPECT_TRUE(v.verdicts[broken_path.string()].starts_with("invalid at ")) << v.output;
}

}  // namespace
}  // namespace attune::schema_test
