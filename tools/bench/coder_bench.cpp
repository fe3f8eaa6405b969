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

// A reply and the client lines it answers. The coder keeps the words of the client lines it read
// last, so each utterance is coded with its own context, in conversation order, as in real use.
struct Utterance {
  std::string text;
  std::vector<std::string> context;
};

// $ATTUNE_BENCH_DATA: a JSONL file of utterances (`text`, optional `context`) to code instead, e.g. an
// annotated corpus for tools/bench/compare_sklearn.py.
std::vector<Utterance> corpus_utterances(const char* path) {
  std::vector<Utterance> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    auto row = nlohmann::json::parse(line, nullptr, false);
    if (!row.is_object() || !row.contains("text") || !row["text"].is_string()) continue;
    Utterance u{row["text"], {}};
    if (row.contains("context") && row["context"].is_array()) {
      for (const auto& c : row["context"]) {
        if (c.is_string()) u.context.push_back(c);
      }
    }
    out.push_back(std::move(u));
  }
  return out;
}

// The shipped scenarios' model responses and choices, each with the client line it answers.
std::vector<Utterance> shipped_utterances() {
  if (const char* data = std::getenv("ATTUNE_BENCH_DATA")) return corpus_utterances(data);
  std::vector<Utterance> out;
  std::error_code ec;
  for (const auto& entry :
       std::filesystem::directory_iterator(attune::sim::runtime_home() + "/scenarios", ec)) {
    auto load = attune::sim::load_scenario_file(entry.path().string());
    if (!load.load.scenario) continue;
    for (const auto& node : load.load.scenario->nodes) {
      for (const auto& r : node.model_responses) out.push_back({r, {node.client}});
      for (const auto& choice : node.choices) out.push_back({choice.text, {node.client}});
    }
  }
  return out;
}

void BM_CoderThroughput(benchmark::State& state) {
  static const std::vector<Utterance> utterances = shipped_utterances();
  if (utterances.empty()) {
    state.SkipWithError("no shipped scenarios found (set ATTUNE_HOME)");
    return;
  }
  std::size_t i = 0;
  for (auto _ : state) {
    const Utterance& u = utterances[i++ % utterances.size()];
    benchmark::DoNotOptimize(attune::scoring::code_utterance(u.text, u.context));
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
  // Eight client lines in turn, more than the coder keeps: every call reads its client line afresh,
  // the slow case of a reply to a line not seen before.
  std::vector<std::vector<std::string>> contexts;
  for (int n = 0; n < 8; ++n) {
    contexts.push_back({"My manager wants an answer by Friday and I keep going round in circles, week " +
                        std::to_string(n) + "."});
  }
  std::vector<double> micros;
  micros.reserve(1 << 20);
  std::size_t i = 0;
  for (auto _ : state) {
    const std::vector<std::string>& context = contexts[i++ % contexts.size()];
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
