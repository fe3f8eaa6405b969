// The nine competencies every session is scored on (PRODUCT.md); the rubric gives their numbers.
#pragma once

#include <array>
#include <string_view>

namespace attune::scoring {

inline constexpr std::array<std::string_view, 9> kCompetencyIds = {
    "avoiding_advice",      "holding_silence", "respecting_boundaries",      "non_judgment",
    "reflective_listening", "open_questions",  "purposeful_self_disclosure", "empowerment",
    "safety_response",
};

inline bool is_competency(std::string_view id) {
  for (auto known : kCompetencyIds) {
    if (known == id) return true;
  }
  return false;
}

}  // namespace attune::scoring
