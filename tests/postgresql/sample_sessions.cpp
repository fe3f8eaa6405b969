#include "sample_sessions.h"

#include <cstdio>
#include <stdexcept>

#include "attune/simulator/file_io.h"
#include "attune/simulator/records.h"
#include "attune/simulator/scenario_loader.h"
#include "attune/simulator/session.h"
#include "attune/simulator/sha256.h"

namespace attune::testing {

const SampleSessions& SampleSessions::get() {
  static const SampleSessions samples;
  return samples;
}

SampleSessions::SampleSessions() {
  std::string source = ATTUNE_SOURCE_DIR;
  auto load = sim::load_scenario_file(source + "/scenarios/tell-me-what-to-do.yaml");
  if (!load.load.scenario) throw std::runtime_error("cannot load the shipped scenario tell-me-what-to-do");
  scenario_ = std::move(*load.load.scenario);
  auto rubric_text = sim::read_file(source + "/assets/rubrics/peer-support-v1.yaml", 1 << 20);
  auto rubric = scoring::load_rubric(rubric_text.text.value_or(""), "peer-support-v1.yaml");
  if (!rubric.rubric) throw std::runtime_error("cannot load the rubric");
  rubric_ = std::move(*rubric.rubric);
  auto key = sim::programme_key();
  if (!key.error.empty()) throw std::runtime_error(key.error);
  key_ = key.key;

  sim::Session session(scenario_, sim::SessionMode::practice);
  for (int turn = 0; turn < 30 && !session.ended(); ++turn) {
    const auto& node = session.current();
    if (node.is_choices()) {
      session.submit(sim::TurnInput::pick(1));
    } else if (!node.model_responses.empty()) {
      session.submit(sim::TurnInput::reply(node.model_responses.front()));
    } else {
      session.submit(sim::TurnInput::reply("It sounds like a lot is landing on you at once."));
    }
  }
  sim::RecordMeta meta;
  meta.id = "placeholder";
  meta.trainee = "placeholder";
  meta.started = "2026-11-01T09:00:00Z";
  meta.ended = "2026-11-01T09:20:00Z";
  meta.complete = session.ended();
  meta.rubric_sha256 = sim::sha256_hex(*rubric_text.text);
  base_ = sim::session_record(session, rubric_, meta);
}

nlohmann::json SampleSessions::record(const std::string& id, const std::string& trainee, int minute) const {
  nlohmann::json r = base_;
  r["id"] = id;
  r["trainee"] = trainee;
  auto at = [](int m) {
    char text[32];
    std::snprintf(text, sizeof text, "2026-11-%02dT%02d:%02d:00Z", 1 + (m / 1440) % 28, (m / 60) % 24,
                  m % 60);
    return std::string(text);
  };
  r["started"] = at(minute);
  r["ended"] = at(minute + 20);
  sim::sign_record(r, key_);
  return r;
}

}  // namespace attune::testing
