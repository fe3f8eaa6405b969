#include "test_support.h"

#include <gtest/gtest.h>

#include <random>

namespace attune::testing {

sim::Scenario must_load(const std::string& yaml) {
  auto load = sim::load_scenario(yaml, "test.yaml");
  std::string problems;
  for (const auto& d : load.diagnostics) problems += format_diagnostic(d) + "\n";
  EXPECT_TRUE(load.scenario.has_value()) << problems;
  if (!load.scenario) throw std::runtime_error("scenario did not load:\n" + problems);
  return std::move(*load.scenario);
}

Diagnostics diagnose(const std::string& yaml) {
  return sim::load_scenario(yaml, "test.yaml").diagnostics;
}

TempDir::TempDir() {
  std::random_device random;
  path_ = std::filesystem::temp_directory_path() / ("attune-test-" + std::to_string(random()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace attune::testing
