// The shipped library as trainers check and playtest it: every scenario loaded, linted and
// explored (targets: `attune check scenarios/` and `attune playtest scenarios/` each < 1 s).
#include <benchmark/benchmark.h>

#include <filesystem>

#include "attune/scoring/rubric.h"
#include "attune/simulator/file_io.h"
#include "attune/simulator/playtest.h"
#include "attune/simulator/scenario_lints.h"
#include "attune/simulator/scenario_loader.h"

namespace {

namespace fs = std::filesystem;

std::vector<std::string> library_files() {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(fs::path(ATTUNE_SOURCE_DIR) / "scenarios")) {
    const std::string name = entry.path().filename().string();
    if (name.ends_with(".yaml") && !name.ends_with(".plays.yaml")) files.push_back(entry.path().string());
  }
  return files;
}

void BM_CheckLibrary(benchmark::State& state) {
  const auto files = library_files();
  const std::string rubric_path = std::string(ATTUNE_SOURCE_DIR) + "/assets/rubrics/peer-support-v1.yaml";
  const auto rubric =
      attune::scoring::load_rubric(*attune::sim::read_file(rubric_path, 1 << 20).text, rubric_path).rubric;
  for (auto _ : state) {
    std::size_t diagnostics = 0;
    for (const auto& file : files) {
      auto load = attune::sim::load_scenario_file(file);
      if (!load.load.scenario) {
        state.SkipWithError("a shipped scenario has errors");
        return;
      }
      attune::sim::check_competency_evidence(*load.load.scenario, *rubric, file, load.load.diagnostics);
      attune::sim::check_reachable_by_playtest(*load.load.scenario, file, load.load.diagnostics);
      diagnostics += load.load.diagnostics.size();
    }
    benchmark::DoNotOptimize(diagnostics);
  }
  state.counters["scenarios"] = static_cast<double>(files.size());
}
BENCHMARK(BM_CheckLibrary)->Unit(benchmark::kMillisecond);

void BM_PlaytestLibrary(benchmark::State& state) {
  std::vector<attune::sim::Scenario> scenarios;
  for (const auto& file : library_files())
    scenarios.push_back(*attune::sim::load_scenario_file(file).load.scenario);
  std::size_t states = 0;
  for (auto _ : state) {
    states = 0;
    for (const auto& s : scenarios) states += attune::sim::playtest(s).plays_explored;
    benchmark::DoNotOptimize(states);
  }
  state.counters["states"] = static_cast<double>(states);
}
BENCHMARK(BM_PlaytestLibrary)->Unit(benchmark::kMillisecond);

}  // namespace
