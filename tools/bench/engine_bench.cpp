// One engine turn (code the response + route), target p99 <= 1 ms.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <vector>

#include "attune/simulator/scenario_loader.h"
#include "attune/simulator/session.h"
#include "generated_scenario.h"

namespace {

using attune::sim::Session;
using attune::sim::SessionMode;
using attune::sim::TurnInput;

const char* kReplies[] = {
    "It sounds like the nights have been long and lonely for you lately.",
    "What goes through your mind when you wake up like that?",
    "You should try a sleep routine and stop looking at your phone.",
    "You're carrying a lot, and part of you wonders if it will ever ease.",
};

void BM_EngineTurn(benchmark::State& state) {
  static const auto load =
      attune::sim::load_scenario(attune::bench::generated_scenario(1000), "generated.yaml");
  const auto& scenario = *load.scenario;
  auto session = std::make_unique<Session>(scenario, SessionMode::practice);
  std::vector<double> micros;
  micros.reserve(1 << 20);
  std::size_t i = 0;
  for (auto _ : state) {
    if (session->ended()) {
      state.PauseTiming();
      session = std::make_unique<Session>(scenario, SessionMode::practice);
      state.ResumeTiming();
    }
    auto start = std::chrono::steady_clock::now();
    auto result = session->submit(TurnInput::reply(kReplies[i++ % 4], 5000));
    auto stop = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(result);
    micros.push_back(std::chrono::duration<double, std::micro>(stop - start).count());
  }
  std::sort(micros.begin(), micros.end());
  if (!micros.empty()) {
    state.counters["p50_us"] = micros[micros.size() / 2];
    state.counters["p99_us"] = micros[micros.size() * 99 / 100];
  }
}
BENCHMARK(BM_EngineTurn);

}  // namespace
