// `check` of a generated 10,000-node scenario (target <= 1.5 s, <= 300 MB peak).
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include "attune/simulator/scenario_loader.h"
#include "generated_scenario.h"

namespace {

void BM_CheckGeneratedScenario(benchmark::State& state) {
  std::string text = attune::bench::generated_scenario(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto load = attune::sim::load_scenario(text, "generated.yaml");
    if (!load.scenario) state.SkipWithError("the generated scenario has errors");
    benchmark::DoNotOptimize(load);
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["peak_rss_MB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
  state.counters["yaml_MB"] = static_cast<double>(text.size()) / (1024.0 * 1024.0);
}
BENCHMARK(BM_CheckGeneratedScenario)->Arg(10000)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
