// Helpers shared by the simulator tests: scenarios from inline YAML, temp directories.
#pragma once

#include <filesystem>
#include <string>

#include "attune/simulator/scenario.h"
#include "attune/simulator/scenario_loader.h"

namespace attune::testing {

// Loads inline YAML and fails the test (with the diagnostics) when it has errors.
sim::Scenario must_load(const std::string& yaml);

// Diagnostics of inline YAML, loaded as file "test.yaml".
Diagnostics diagnose(const std::string& yaml);

// A fresh directory under the system temp dir, removed when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace attune::testing
