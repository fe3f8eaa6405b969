// Trainers' regression tests for a scenario: `NAME.plays.yaml` beside `NAME.yaml` names
// responses files with the path and outcome each must produce; `attune playtest` runs them.
//
//   attune-plays: 1
//   scenario: NAME
//   plays:
//     - name: listens-throughout
//       responses: plays/NAME/listens-throughout.txt   # relative to the .plays.yaml file
//       path: [opening, lonely, own-idea, ending-engaged]  # nodes visited, the end node last
//       outcome: engaged
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "attune/scoring/diagnostics.h"
#include "attune/simulator/scenario.h"

namespace attune::sim {

struct TestPlay {
  std::string name;
  std::string responses;  // resolved against the plays file's directory
  SourceMark at;
  std::optional<std::vector<std::string>> path;
  std::optional<Outcome> outcome;
};

struct TestPlaysFile {
  std::string scenario;
  std::vector<TestPlay> plays;
};

struct TestPlaysLoad {
  std::optional<TestPlaysFile> file;
  Diagnostics diagnostics;
};

TestPlaysLoad load_test_plays(std::string_view text, const std::string& path);
// `NAME.yaml` -> `NAME.plays.yaml`.
std::string test_plays_path_for(const std::string& scenario_path);

struct TestPlayResult {
  std::string name;
  bool passed = false;
  std::vector<std::string> path;  // what the play visited
  std::optional<Outcome> outcome;
  std::string problem;  // why it failed
};

TestPlayResult run_test_play(const Scenario& scenario, const TestPlay& play);

}  // namespace attune::sim
