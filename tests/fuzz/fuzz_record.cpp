// libFuzzer target: reading a session record or journal line. There is no record reader yet, so
// this covers the JSON parse (no exceptions) and the signature check on whatever object it gives.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "attune/simulator/records.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_object()) (void)attune::sim::record_signature_ok(json, "k");
  return 0;
}
