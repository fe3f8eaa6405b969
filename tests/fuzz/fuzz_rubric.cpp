// libFuzzer target: the rubric loader. Any input must give diagnostics or a rubric, never a
// crash, hang or leak; a rubric is returned exactly when there are no errors.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "attune/scoring/rubric.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const attune::scoring::RubricLoad load = attune::scoring::load_rubric(text, "fuzz.yaml");
  if (load.rubric.has_value() == attune::has_errors(load.diagnostics)) __builtin_trap();
  (void)attune::scoring::looks_like_rubric(text);
  return 0;
}
