// The coder on one core: utterances per second over the shipped scenarios' own lines (model
// responses and choice texts, written by the project), and the latency of a 40-word utterance.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <vector>

#include "attune/scoring/coder.h"
#include "attune/simulator/runtime_paths.h"
#include "attune/simulator/scenario_loader.h"

namespace {

// $ATTUNE_BENCH_DATA: a JSONL file of utterances (`text` fields) to code instead, e.g. an annotated
// corpus for tools/bench/compare_sklearn.py; its contexts are not used here.
std::vector<std::string> corpus_utterances(const char* path) {
  std::vector<std::string> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    auto row = nlohmann::json::parse(line, nullptr, false);
    if (row.is_object() && row.contains("text") && row["text"].is_string()) out.push_back(row["text"]);
  }
  return out;
}

std::vector<std::string> shipped_utterances() {
  if (const char* data = std::getenv("ATTUNE_BENCH_DATA")) return corpus_utterances(data);
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry :
       std::filesystem::directory_iterator(attune::sim::runtime_home() + "/scenarios", ec)) {
    auto load = attune::sim::load_scenario_file(entry.path().string());
    if (!load.load.scenario) continue;
    for (const auto& node : load.load.scenario->nodes) {
      out.insert(out.end(), node.model_responses.begin(), node.model_responses.end());
      for (const auto& choice : node.choices) out.push_back(choice.text);
    }
  }
  return out;
}

void BM_CoderThroughput(benchmark::State& state) {
  static const std::vector<std::string> utterances = shipped_utterances();
  if (utterances.empty()) {
    state.SkipWithError("no shipped scenarios found (set ATTUNE_HOME)");
    return;
  }
  std::vector<std::string> context{
      "I don't know what to do anymore, everyone keeps telling me something different."};
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(attune::scoring::code_utterance(utterances[i++ % utterances.size()], context));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_CoderThroughput);

void BM_Coder40Words(benchmark::State& state) {
  const std::string text =
      "It sounds like the last few weeks have worn you down, and part of you wonders whether going back now "
      "would "
      "undo the progress you have made. What would help you feel more sure about the choice you make this "
      "time?";
  std::vector<std::string> context{"My manager wants an answer by Friday and I keep going round in circles."};
  std::vector<double> micros;
  micros.reserve(1 << 20);
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(attune::scoring::code_utterance(text, context));
    micros.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(micros.begin(), micros.end());
  state.counters["p50_us"] = micros[micros.size() / 2];
  state.counters["p99_us"] = micros[micros.size() * 99 / 100];
}
BENCHMARK(BM_Coder40Words);

}  // namespace
