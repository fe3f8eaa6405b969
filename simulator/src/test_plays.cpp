#include "attune/simulator/test_plays.h"

#include <array>
#include <filesystem>

#include "attune/scoring/yaml_document.h"
#include "attune/simulator/file_io.h"
#include "attune/simulator/players.h"
#include "attune/simulator/responses_file.h"
#include "attune/simulator/session.h"

namespace attune::sim {
namespace {

constexpr std::size_t kMaxResponsesBytes = std::size_t{4} << 20;

std::optional<Outcome> outcome_from(std::string_view name) {
  for (Outcome o : {Outcome::engaged, Outcome::withdrew, Outcome::referred, Outcome::escalated}) {
    if (outcome_name(o) == name) return o;
  }
  return std::nullopt;
}

std::string joined(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
  return "[" + out + "]";
}

class PlaysReader {
 public:
  PlaysReader(const std::string& path, Diagnostics& out) : path_(path), out_(out) {}

  void error(const SourceMark& at, const std::string& message, const std::string& rule) {
    out_.push_back(Diagnostic{path_, at, Severity::error, message, rule});
  }

  std::optional<TestPlaysFile> read(const yaml::Node* root) {
    if (root == nullptr || !root->is_map()) {
      error(root ? root->mark : SourceMark{1, 1},
            "a plays file is a mapping with 'attune-plays: 1', 'scenario' and 'plays'", "wrong-type");
      return std::nullopt;
    }
    TestPlaysFile file;
    for (const auto& [key, value] : root->entries) {
      if (key->value == "attune-plays") {
        if (!value->is_scalar() || value->value != "1")
          error(value->mark, "unsupported plays format '" + value->value + "'; this attune reads version 1",
                "unsupported-version");
      } else if (key->value == "scenario") {
        if (value->is_scalar())
          file.scenario = value->value;
        else
          error(value->mark, "'scenario' must be the scenario's id, not " + std::string(value->kind_name()),
                "wrong-type");
      } else if (key->value == "plays") {
        read_plays(value, file);
      } else {
        error(key->mark, "unknown key '" + key->value + "' (a plays file has attune-plays, scenario, plays)",
              "unknown-key");
      }
    }
    for (std::string_view required : {"attune-plays", "scenario", "plays"}) {
      if (root->find(required) == nullptr)
        error(root->mark, "missing '" + std::string(required) + "'", "missing-key");
    }
    return file;
  }

 private:
  void read_plays(const yaml::Node* list, TestPlaysFile& file) {
    if (!list->is_sequence()) {
      error(list->mark, "'plays' must be a list of plays, not " + std::string(list->kind_name()),
            "wrong-type");
      return;
    }
    const auto dir = std::filesystem::path(path_).parent_path();
    for (const yaml::Node* item : list->items) {
      if (!item->is_map()) {
        error(item->mark, "each play is a mapping with name, responses, path and outcome", "wrong-type");
        continue;
      }
      TestPlay play;
      play.at = item->mark;
      for (const auto& [key, value] : item->entries) {
        const std::string& k = key->value;
        if (k == "name" && value->is_scalar()) {
          play.name = value->value;
        } else if (k == "responses" && value->is_scalar()) {
          play.responses = (dir / value->value).string();
        } else if (k == "path" && value->is_sequence()) {
          play.path.emplace();
          for (const yaml::Node* id : value->items) {
            if (id->is_scalar())
              play.path->push_back(id->value);
            else
              error(id->mark, "a path lists node ids", "wrong-type");
          }
        } else if (k == "outcome" && value->is_scalar()) {
          play.outcome = outcome_from(value->value);
          if (!play.outcome)
            error(value->mark,
                  "unknown outcome '" + value->value + "' (engaged, withdrew, referred, escalated)",
                  "bad-value");
        } else if (k == "name" || k == "responses" || k == "path" || k == "outcome") {
          error(value->mark, "'" + k + "' has the wrong type: " + std::string(value->kind_name()),
                "wrong-type");
        } else {
          error(key->mark, "unknown key '" + k + "' (a play has name, responses, path, outcome)",
                "unknown-key");
        }
      }
      if (play.responses.empty()) error(item->mark, "this play has no 'responses' file", "missing-key");
      if (play.name.empty()) play.name = "play " + std::to_string(file.plays.size() + 1);
      file.plays.push_back(std::move(play));
    }
  }

  const std::string& path_;
  Diagnostics& out_;
};

}  // namespace

std::string test_plays_path_for(const std::string& scenario_path) {
  std::string base = scenario_path;
  for (std::string_view ext : {".yaml", ".yml"}) {
    if (base.ends_with(ext)) {
      base.resize(base.size() - ext.size());
      break;
    }
  }
  return base + ".plays.yaml";
}

TestPlaysLoad load_test_plays(std::string_view text, const std::string& path) {
  TestPlaysLoad load;
  auto read = yaml::read_document(text, path);
  load.diagnostics = std::move(read.diagnostics);
  if (!read.document) return load;
  auto file = PlaysReader(path, load.diagnostics).read(read.document->root);
  if (count(load.diagnostics, Severity::error) == 0) load.file = std::move(file);
  return load;
}

TestPlayResult run_test_play(const Scenario& scenario, const TestPlay& play) {
  TestPlayResult result;
  result.name = play.name;
  auto contents = read_file(play.responses, kMaxResponsesBytes);
  if (!contents.text) {
    result.problem = contents.too_large ? play.responses + ": larger than 4 MiB" : contents.error;
    return result;
  }
  const auto lines = parse_responses(*contents.text);
  const int last_line = last_line_number(*contents.text);
  Session session(scenario, SessionMode::exam);
  for (const ScriptedLine& line : lines) {
    if (auto misfit = scripted_misfit(session, line, play.responses)) {
      result.problem = *misfit;
      break;
    }
    const Turn* turn = session.submit(line.input).turn;
    result.path.push_back(turn->node);
  }
  if (result.problem.empty() && !session.ended())
    result.problem = scripted_ending_misfit(session, play.responses, last_line);
  if (!session.turns().empty()) result.path.push_back(session.turns().back().next_node);
  result.outcome = session.outcome();
  if (result.problem.empty() && play.path && *play.path != result.path) {
    result.problem = "path " + joined(result.path) + ", expected " + joined(*play.path);
  }
  if (result.problem.empty() && play.outcome && play.outcome != result.outcome) {
    result.problem = "outcome " + std::string(result.outcome ? outcome_name(*result.outcome) : "none") +
                     ", expected " + std::string(outcome_name(*play.outcome));
  }
  result.passed = result.problem.empty();
  return result;
}

}  // namespace attune::sim
