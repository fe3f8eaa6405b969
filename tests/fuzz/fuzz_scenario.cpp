// libFuzzer target: the scenario loader (YAML reader, structure and graph checks, coder lints).
// Any input must give diagnostics or a scenario, never a crash, hang or leak; a scenario is
// returned exactly when there are no errors.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "attune/simulator/scenario_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const attune::sim::ScenarioLoad load = attune::sim::load_scenario(text, "fuzz.yaml");
  if (load.scenario.has_value() == attune::has_errors(load.diagnostics)) __builtin_trap();
  return 0;
}
