// Signed session records for the store tests, cheaply: one session is played through the engine
// and coder on a shipped scenario, then filed under as many ids and trainees as a test needs
// (each re-signed under the programme key, so every copy verifies and re-derives).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "attune/scoring/rubric.h"
#include "attune/simulator/scenario.h"

namespace attune::testing {

class SampleSessions {
 public:
  static const SampleSessions& get();

  const sim::Scenario& scenario() const { return scenario_; }
  const std::string& scenario_yaml() const { return scenario_.source_text; }
  const scoring::Rubric& rubric() const { return rubric_; }
  const std::string& key() const { return key_; }

  // A signed record filed as `id` for `trainee`, started `minute` minutes into the day.
  nlohmann::json record(const std::string& id, const std::string& trainee, int minute = 0) const;
  // The record's text as a session file holds it.
  static std::string text(const nlohmann::json& record) { return record.dump(2) + "\n"; }

 private:
  SampleSessions();
  sim::Scenario scenario_;
  scoring::Rubric rubric_;
  std::string key_;
  nlohmann::json base_;
};

}  // namespace attune::testing
