// Durations as scenario and responses files write them: "4s", "1.5s", "800ms".
#pragma once

#include <optional>
#include <string_view>

namespace attune::sim {

inline constexpr int kMaxDurationMs = 10 * 60 * 1000;

// Milliseconds, or nullopt when the text is not a duration from 0 to 10 min.
std::optional<int> parse_duration_ms(std::string_view text);

}  // namespace attune::sim
