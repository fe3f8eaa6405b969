// Automatic playthroughs for trainers: every branch of a scenario explored through the real
// coder and engine, with what no response could reach. `attune playtest` prints it; `attune
// check` turns the rules nobody could reach into warnings.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "attune/scoring/diagnostics.h"
#include "attune/simulator/scenario.h"

namespace attune::sim {

// One way out of a node: a `respond` rule, the `otherwise`, or a choice.
struct Branch {
  enum class Kind { rule, otherwise, choice };
  std::string node;
  Kind kind = Kind::rule;
  int index = 0;  // rule or choice, 0-based
  SourceMark at;
  std::string target;
  bool reached = false;
  std::string reached_by;  // the response (or "[silence]", "[choice N]") that first took it

  std::string describe() const;  // "rule 2 (when: advice) -> hurt"
};

struct PlaytestReport {
  std::string scenario_id;
  std::vector<std::string> nodes;            // every node, file order
  std::vector<std::string> reached_nodes;    // file order
  std::vector<std::string> endings;          // end nodes, file order
  std::vector<std::string> reached_endings;  // file order
  std::vector<Branch> branches;
  std::vector<std::string> longest_path;  // node ids from the start to an end, the most turns any play took
  std::size_t plays_explored = 0;         // (node, variables) states expanded
  bool truncated = false;                 // the state limit stopped the search

  std::size_t reached_branches() const;
};

// Explores from the start: at free nodes the node's model responses, one plain response for
// each behaviour code, a reflection built from the client's own words, a silent pass and an
// instant reply; at choices nodes every choice. States are (node, variables); at most
// `max_states` are expanded.
PlaytestReport playtest(const Scenario& scenario, std::size_t max_states = 20000);

// The plain responses the playtest tries, one per behaviour code, and the reflection it builds
// from a client line ("I lost my job." -> "So you lost your job.").
struct PlaytestProbe {
  Code code;
  std::string text;
};
std::vector<PlaytestProbe> playtest_probes();
std::string mirror_client_line(const std::string& line);

// Warnings for `attune check`: a rule (or choice) that no playtest response reaches.
void check_reachable_by_playtest(const Scenario& scenario, const std::string& file, Diagnostics& out);

}  // namespace attune::sim
