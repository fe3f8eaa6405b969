#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "attune/scoring/rubric.h"
#include "attune/simulator/file_io.h"
#include "attune/simulator/playtest.h"
#include "attune/simulator/runtime_paths.h"
#include "attune/simulator/scenario_loader.h"
#include "attune/simulator/test_plays.h"
#include "commands.h"
#include "scenario_paths.h"

namespace attune::cli {
namespace {

using nlohmann::json;

std::string percent(std::size_t part, std::size_t whole) {
  return whole == 0 ? "100%" : std::to_string(part * 100 / whole) + "%";
}

std::string arrow_path(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : " -> ") + id;
  return out;
}

std::vector<std::string> missing_from(const std::vector<std::string>& all,
                                      const std::vector<std::string>& some) {
  std::vector<std::string> out;
  for (const auto& id : all) {
    if (std::find(some.begin(), some.end(), id) == some.end()) out.push_back(id);
  }
  return out;
}

struct ScenarioRun {
  std::string file;
  sim::PlaytestReport report;
  std::vector<sim::TestPlayResult> plays;
  Diagnostics plays_diagnostics;
};

ScenarioRun run_one(const sim::Scenario& scenario, const std::string& file) {
  ScenarioRun run;
  run.file = file;
  run.report = sim::playtest(scenario);
  const std::string plays_path = sim::test_plays_path_for(file);
  auto contents = sim::read_file(plays_path, std::size_t{1} << 20);
  if (contents.missing) return run;
  if (!contents.text) {
    run.plays_diagnostics.push_back(Diagnostic{plays_path,
                                               {1, 1},
                                               Severity::error,
                                               contents.too_large ? "larger than 1 MiB" : contents.error,
                                               "unreadable"});
    return run;
  }
  auto load = sim::load_test_plays(*contents.text, plays_path);
  run.plays_diagnostics = std::move(load.diagnostics);
  if (!load.file) return run;
  if (load.file->scenario != scenario.id) {
    run.plays_diagnostics.push_back(Diagnostic{plays_path,
                                               {1, 1},
                                               Severity::error,
                                               "these plays are for scenario '" + load.file->scenario +
                                                   "', but " + file + " is '" + scenario.id + "'",
                                               "wrong-scenario"});
    return run;
  }
  for (const auto& play : load.file->plays) run.plays.push_back(sim::run_test_play(scenario, play));
  return run;
}

bool failed(const ScenarioRun& run) {
  const auto& r = run.report;
  return r.reached_nodes.size() != r.nodes.size() || r.reached_endings.size() != r.endings.size() ||
         count(run.plays_diagnostics, Severity::error) > 0 ||
         std::any_of(run.plays.begin(), run.plays.end(), [](const auto& p) { return !p.passed; });
}

json run_json(const ScenarioRun& run) {
  const auto& r = run.report;
  json branches = json::array();
  for (const auto& b : r.branches) {
    branches.push_back({{"node", b.node},
                        {"branch", b.describe()},
                        {"line", b.at.line},
                        {"col", b.at.col},
                        {"reached", b.reached},
                        {"reached_by", b.reached ? json(b.reached_by) : json(nullptr)}});
  }
  json plays = json::array();
  for (const auto& p : run.plays) {
    plays.push_back({{"name", p.name},
                     {"passed", p.passed},
                     {"path", p.path},
                     {"outcome", p.outcome ? json(sim::outcome_name(*p.outcome)) : json(nullptr)},
                     {"problem", p.problem.empty() ? json(nullptr) : json(p.problem)}});
  }
  json diagnostics = json::array();
  for (const auto& d : run.plays_diagnostics) diagnostics.push_back(format_diagnostic(d));
  return {{"scenario", r.scenario_id},
          {"file", run.file},
          {"nodes",
           {{"total", r.nodes.size()},
            {"reached", r.reached_nodes.size()},
            {"unreached", missing_from(r.nodes, r.reached_nodes)}}},
          {"endings",
           {{"total", r.endings.size()},
            {"reached", r.reached_endings},
            {"unreached", missing_from(r.endings, r.reached_endings)}}},
          {"branches", {{"total", r.branches.size()}, {"reached", r.reached_branches()}, {"each", branches}}},
          {"longest_path", r.longest_path},
          {"states_explored", r.plays_explored},
          {"truncated", r.truncated},
          {"test_plays", plays},
          {"test_plays_diagnostics", diagnostics},
          {"passed", !failed(run)}};
}

void print_text(const ScenarioRun& run) {
  const auto& r = run.report;
  std::cout << r.scenario_id << " (" << run.file << ")\n";
  std::cout << "  nodes     " << r.reached_nodes.size() << "/" << r.nodes.size() << " reached";
  if (auto gone = missing_from(r.nodes, r.reached_nodes); !gone.empty())
    std::cout << "; never reached: " << arrow_path(gone);
  std::cout << "\n  endings   " << r.reached_endings.size() << "/" << r.endings.size() << " reached";
  if (auto gone = missing_from(r.endings, r.reached_endings); !gone.empty())
    std::cout << "; never reached: " << arrow_path(gone);
  std::cout << "\n  branches  " << r.reached_branches() << "/" << r.branches.size() << " taken\n";
  for (const auto& b : r.branches) {
    if (b.reached) continue;
    std::cout << "    not taken: " << run.file << ":" << b.at.line << ":" << b.at.col << ": node '" << b.node
              << "' " << b.describe() << "\n";
  }
  if (!r.longest_path.empty()) {
    const std::size_t turns = r.longest_path.size() - 1;
    std::cout << "  longest   " << turns << (turns == 1 ? " turn: " : " turns: ")
              << arrow_path(r.longest_path) << "\n";
  }
  if (r.truncated)
    std::cout << "  (stopped after " << r.plays_explored << " states: coverage is a lower bound)\n";
  for (const auto& d : run.plays_diagnostics) std::cout << "  " << format_diagnostic(d) << "\n";
  if (!run.plays.empty()) {
    const auto passed =
        std::count_if(run.plays.begin(), run.plays.end(), [](const auto& p) { return p.passed; });
    std::cout << "  test plays " << passed << "/" << run.plays.size() << " passed\n";
    for (const auto& p : run.plays) {
      std::cout << (p.passed ? "    ok    " : "    FAIL  ") << p.name;
      if (!p.passed) std::cout << ": " << p.problem;
      std::cout << "\n";
    }
  }
}

}  // namespace

int run_playtest(const PlaytestOptions& options) {
  std::vector<std::string> missing;
  std::vector<std::string> named;
  for (const auto& p : options.paths) {
    std::error_code ec;
    if (std::filesystem::exists(p, ec)) {
      named.push_back(p);
    } else if (auto resolved = sim::resolve_scenario(p)) {
      named.push_back(*resolved);
    } else {
      missing.push_back(p);
    }
  }
  auto files = expand_yaml_paths(named, missing);
  for (const auto& m : missing)
    std::cerr << "attune playtest: " << m
              << (m.ends_with(")") ? "" : ": no such file, directory or scenario id") << "\n";
  bool bad = false;
  std::vector<ScenarioRun> runs;
  for (const auto& file : files) {
    auto contents = sim::read_file(file, 4096);
    if (contents.text && scoring::looks_like_rubric(*contents.text)) continue;
    auto loaded = sim::load_scenario_file(file);
    if (loaded.io_error) {
      std::cerr << "attune playtest: " << *loaded.io_error << "\n";
      missing.push_back(file);
      continue;
    }
    if (!loaded.load.scenario) {
      for (const auto& d : loaded.load.diagnostics) {
        if (d.severity == Severity::error) std::cerr << format_diagnostic(d) << "\n";
      }
      bad = true;
      continue;
    }
    runs.push_back(run_one(*loaded.load.scenario, file));
  }
  std::size_t nodes = 0, reached_nodes = 0, endings = 0, reached_endings = 0, branches = 0, taken = 0;
  std::size_t plays = 0, passed = 0;
  json all = json::array();
  for (const auto& run : runs) {
    if (options.json) {
      all.push_back(run_json(run));
    } else {
      print_text(run);
    }
    bad = bad || failed(run);
    nodes += run.report.nodes.size();
    reached_nodes += run.report.reached_nodes.size();
    endings += run.report.endings.size();
    reached_endings += run.report.reached_endings.size();
    branches += run.report.branches.size();
    taken += run.report.reached_branches();
    plays += run.plays.size();
    passed += static_cast<std::size_t>(
        std::count_if(run.plays.begin(), run.plays.end(), [](const auto& p) { return p.passed; }));
  }
  if (options.json) {
    std::cout << all.dump(2) << "\n";
  } else {
    std::cout << "playtested " << runs.size() << (runs.size() == 1 ? " scenario" : " scenarios") << ": nodes "
              << percent(reached_nodes, nodes) << ", endings " << percent(reached_endings, endings)
              << ", branches " << percent(taken, branches) << ", test plays " << passed << "/" << plays
              << " passed\n";
  }
  if (!missing.empty()) return kUsageOrIo;
  return bad ? kBadContent : kDone;
}

}  // namespace attune::cli
