// attune_gen_records: writes N signed session records for M trainees into a records directory, for
// benchmarks (report, verify) and for trying the supervisors' tools on a realistic cohort. Each
// session is really played through the engine and coder on a shipped scenario, by a seeded
// trainee who mostly answers with the scenario's model responses and sometimes advises, reassures
// or holds silence; every 10th session gets a supervisor's override.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <random>

#include "attune/simulator/file_io.h"
#include "attune/simulator/records.h"
#include "attune/simulator/review_log.h"
#include "attune/simulator/runtime_paths.h"
#include "attune/simulator/scenario_loader.h"
#include "attune/simulator/session.h"
#include "attune/simulator/sha256.h"

namespace {

namespace fs = std::filesystem;
using namespace attune;

const char* const kOffScript[] = {
    "You should just tell your manager no.",
    "Don't worry, it'll all be fine.",
    "What would help you most right now?",
    "It sounds like part of you wants this and part of you is scared.",
    "I'll keep that between us, I promise.",
};

std::string utc(std::time_t t, const char* format) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, format, &tm);
  return buffer;
}

sim::TurnInput next_input(const sim::Node& node, std::mt19937& rng) {
  if (node.is_choices()) {
    std::uniform_int_distribution<int> pick(1, static_cast<int>(node.choices.size()));
    return sim::TurnInput::pick(pick(rng));
  }
  int roll = std::uniform_int_distribution<int>(0, 99)(rng);
  if (roll < 8) return sim::TurnInput::silent();
  if (roll < 30 || node.model_responses.empty()) {
    return sim::TurnInput::reply(kOffScript[std::uniform_int_distribution<std::size_t>(0, 4)(rng)]);
  }
  return sim::TurnInput::reply(node.model_responses[std::uniform_int_distribution<std::size_t>(
      0, node.model_responses.size() - 1)(rng)]);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Write N signed session records for M trainees (for benchmarks and demos)"};
  std::string records;
  int sessions = 10000;
  int trainees = 100;
  unsigned seed = 7;
  app.add_option("--records", records, "Records directory to fill")->required();
  app.add_option("--sessions", sessions, "How many sessions")->check(CLI::Range(1, 10000000));
  app.add_option("--trainees", trainees, "How many trainees")->check(CLI::Range(1, 100000));
  app.add_option("--seed", seed, "Random seed (the same seed gives the same sessions)");
  CLI11_PARSE(app, argc, argv);

  std::string home = sim::runtime_home();
  auto rubric_text = sim::read_file(home + "/assets/rubrics/peer-support-v1.yaml", 1 << 20);
  auto rubric = scoring::load_rubric(rubric_text.text.value_or(""), "peer-support-v1.yaml");
  if (!rubric.rubric) {
    std::cerr << "gen_records: cannot load the rubric under " << home << " (set ATTUNE_HOME)\n";
    return 2;
  }
  std::string rubric_sha = sim::sha256_hex(*rubric_text.text);
  auto key = sim::programme_key();
  if (!key.error.empty()) {
    std::cerr << "gen_records: " << key.error << "\n";
    return 2;
  }
  std::vector<sim::Scenario> library;
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(home + "/scenarios")) {
    std::string name = entry.path().filename().string();
    if (name.ends_with(".yaml") && !name.ends_with(".plays.yaml")) paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    auto load = sim::load_scenario_file(p.string());
    if (load.load.scenario) library.push_back(std::move(*load.load.scenario));
  }
  sim::RecordsStore store(records);
  if (auto error = store.prepare()) {
    std::cerr << "gen_records: " << *error << "\n";
    return 2;
  }
  for (const auto& s : library) {
    if (auto error = store.keep_scenario_copy(s)) {
      std::cerr << "gen_records: " << *error << "\n";
      return 2;
    }
  }
  std::mt19937 rng(seed);
  std::time_t base = 1790000000;  // 2026-09: sessions an hour apart from here
  for (int i = 0; i < sessions; ++i) {
    const sim::Scenario& scenario = library[static_cast<std::size_t>(i) % library.size()];
    sim::Session session(scenario, i % 4 == 3 ? sim::SessionMode::exam : sim::SessionMode::practice);
    for (int turn = 0; turn < 40 && !session.ended(); ++turn)
      session.submit(next_input(session.current(), rng));
    std::time_t start = base + static_cast<std::time_t>(i) * 3600;
    char trainee[32];
    std::snprintf(trainee, sizeof trainee, "trainee-%04d", i % trainees);
    char suffix[16];
    std::snprintf(suffix, sizeof suffix, "-%08x", static_cast<unsigned>(i));
    sim::RecordMeta meta;
    meta.id = utc(start, "%Y%m%dT%H%M%SZ") + suffix;
    meta.trainee = trainee;
    meta.started = utc(start, "%Y-%m-%dT%H:%M:%SZ");
    meta.ended = utc(start + 240 + static_cast<std::time_t>(rng() % 900), "%Y-%m-%dT%H:%M:%SZ");
    meta.complete = session.ended();
    meta.rubric_sha256 = rubric_sha;
    if (i % 3 == 0) {
      std::map<std::string, int> ratings;
      for (const auto& c : scenario.competencies) ratings[c] = 1 + static_cast<int>(rng() % 4);
      meta.self_rating = ratings;
    }
    auto record = sim::session_record(session, *rubric.rubric, meta);
    sim::sign_record(record, key.key);
    if (auto error = store.write_session(record)) {
      std::cerr << "gen_records: " << *error << "\n";
      return 2;
    }
    if (i % 10 == 0 && !session.turns().empty()) {
      const auto& turn = session.turns().front();
      sim::ReviewEntry entry{meta.id,
                             "supervisor-" + std::to_string(i % 3),
                             meta.started,
                             sim::ReviewKind::override_codes,
                             0,
                             {},
                             {"simple_reflection"},
                             "generated correction"};
      for (const auto& c : turn.codes) entry.old_codes.emplace_back(scoring::code_name(c.code));
      if (auto error = sim::append_review(records, entry, key.key)) {
        std::cerr << "gen_records: " << *error << "\n";
        return 2;
      }
    }
  }
  std::cout << "Wrote " << sessions << " sessions for " << std::min(sessions, trainees) << " trainees to "
            << records << "\n";
  return 0;
}
