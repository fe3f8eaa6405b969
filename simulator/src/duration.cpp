#include "attune/simulator/duration.h"

#include <cmath>
#include <cstdlib>
#include <string>

namespace attune::sim {

std::optional<int> parse_duration_ms(std::string_view text) {
  double scale = 0;
  if (text.ends_with("ms")) {
    scale = 1;
    text.remove_suffix(2);
  } else if (text.ends_with("s")) {
    scale = 1000;
    text.remove_suffix(1);
  } else {
    return std::nullopt;
  }
  // Digits with at most one decimal point: no signs, exponents, spaces or hex that strtod would take.
  if (text.empty() || text.size() > 12 || text.front() == '.' || text.back() == '.') return std::nullopt;
  int points = 0;
  for (char c : text) {
    if (c == '.') {
      ++points;
    } else if (c < '0' || c > '9') {
      return std::nullopt;
    }
  }
  if (points > 1) return std::nullopt;
  double value = std::strtod(std::string(text).c_str(), nullptr) * scale;
  if (!(value >= 0) || value > kMaxDurationMs) return std::nullopt;
  return static_cast<int>(std::lround(value));
}

}  // namespace attune::sim
