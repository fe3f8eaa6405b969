// libFuzzer target: the test plays reader (NAME.plays.yaml). Any input must give diagnostics or a
// plays file, never a crash, hang or leak; a file is returned exactly when there are no errors.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "attune/simulator/test_plays.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const attune::sim::TestPlaysLoad load = attune::sim::load_test_plays(text, "fuzz/x.plays.yaml");
  if (load.file.has_value() == attune::has_errors(load.diagnostics)) __builtin_trap();
  return 0;
}
