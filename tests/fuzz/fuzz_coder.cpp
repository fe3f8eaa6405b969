// libFuzzer target: the behaviour coder. The input is "context line\nutterance" (no newline: no
// context, all of it is the utterance). Besides not crashing, the coding must keep its promises:
// every span lies within the utterance, and an utterance has at most one reflection code and at
// most one question code.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "attune/scoring/coder.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> context;
  std::string_view text = input;
  if (const std::size_t newline = input.find('\n'); newline != std::string_view::npos) {
    context.emplace_back(input.substr(0, newline));
    text = input.substr(newline + 1);
  }
  const attune::scoring::Coding coding = attune::scoring::code_utterance(text, context);
  int reflections = 0;
  int questions = 0;
  for (const attune::scoring::CodeEvidence& evidence : coding.codes) {
    if (evidence.span &&
        !(evidence.span->first < evidence.span->second && evidence.span->second <= text.size())) {
      __builtin_trap();
    }
    if (attune::scoring::is_reflection(evidence.code)) ++reflections;
    if (attune::scoring::is_question(evidence.code)) ++questions;
  }
  if (reflections > 1 || questions > 1) __builtin_trap();
  return 0;
}
