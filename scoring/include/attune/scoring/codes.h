// The behaviour codes of PRODUCT.md: what a trainee turn does.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attune::scoring {

enum class Code : std::uint8_t {
  open_question,
  closed_question,
  simple_reflection,
  complex_reflection,
  summary,
  affirmation,
  emphasize_autonomy,
  seek_permission,
  information,
  advice,
  self_disclosure,
  reassurance,
  judgment,
  diagnosis,
  dual_relationship,
  secrecy_promise,
  safety_check,
  referral,
  filler,
  other,
  silence,
  interruption,
};

inline constexpr std::size_t kCodeCount = 22;

std::string_view code_name(Code code);
std::optional<Code> code_from_name(std::string_view name);
const std::array<Code, kCodeCount>& all_codes();

bool is_reflection(Code code);         // simple_reflection, complex_reflection
bool is_question(Code code);           // open_question, closed_question
bool is_timing(Code code);             // silence, interruption
bool is_boundary_crossing(Code code);  // dual_relationship, secrecy_promise, diagnosis

// A code with the evidence behind it. `span` is [begin, end) in UTF-8 bytes of
// the response text; absent for timing codes and authored choice codes.
struct CodeEvidence {
  Code code{};
  std::optional<std::pair<std::size_t, std::size_t>> span;
  std::string rule;
  double confidence = 1.0;
};

bool has_code(const std::vector<CodeEvidence>& codes, Code code);

}  // namespace attune::scoring
