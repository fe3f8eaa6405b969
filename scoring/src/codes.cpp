#include "attune/scoring/codes.h"

#include <algorithm>

namespace attune::scoring {
namespace {

constexpr std::array<std::string_view, kCodeCount> kNames = {
    "open_question",
    "closed_question",
    "simple_reflection",
    "complex_reflection",
    "summary",
    "affirmation",
    "emphasize_autonomy",
    "seek_permission",
    "information",
    "advice",
    "self_disclosure",
    "reassurance",
    "judgment",
    "diagnosis",
    "dual_relationship",
    "secrecy_promise",
    "safety_check",
    "referral",
    "filler",
    "other",
    "silence",
    "interruption",
};

constexpr std::array<Code, kCodeCount> make_all() {
  std::array<Code, kCodeCount> all{};
  for (std::size_t i = 0; i < kCodeCount; ++i) all[i] = static_cast<Code>(i);
  return all;
}
constexpr std::array<Code, kCodeCount> kAll = make_all();

}  // namespace

std::string_view code_name(Code code) {
  return kNames.at(static_cast<std::size_t>(code));
}

std::optional<Code> code_from_name(std::string_view name) {
  auto it = std::find(kNames.begin(), kNames.end(), name);
  if (it == kNames.end()) return std::nullopt;
  return static_cast<Code>(it - kNames.begin());
}

const std::array<Code, kCodeCount>& all_codes() {
  return kAll;
}

bool is_reflection(Code code) {
  return code == Code::simple_reflection || code == Code::complex_reflection;
}
bool is_question(Code code) {
  return code == Code::open_question || code == Code::closed_question;
}
bool is_timing(Code code) {
  return code == Code::silence || code == Code::interruption;
}
bool is_boundary_crossing(Code code) {
  return code == Code::dual_relationship || code == Code::secrecy_promise || code == Code::diagnosis;
}

bool has_code(const std::vector<CodeEvidence>& codes, Code code) {
  return std::any_of(codes.begin(), codes.end(), [code](const CodeEvidence& e) { return e.code == code; });
}

}  // namespace attune::scoring
