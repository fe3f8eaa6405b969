// The behaviour coder: utterance (+ the client lines it answers) -> codes with evidence.
// Transparent phrase rules over a tokenized, lower-cased copy of the text: every
// code names the rule that fired and the bytes that made it fire.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "attune/scoring/codes.h"

namespace attune::scoring {

inline constexpr std::string_view kCoderVersion = "attune-coder/1";

// kCoderVersion plus a fingerprint of the coder's sources ("attune-coder/1+3f2a9c0d1e4b"): any
// change to the rules is a new version, so a record is only re-derived (verify, import) by the
// very rules that scored it, never flagged as edited because the coder improved since.
std::string_view coder_version();

struct Coding {
  std::vector<CodeEvidence> codes;  // text codes only, in order of their spans
  Code primary = Code::other;       // the one code a human coder would pick
  // The utterance's behaviours in the order a coder choosing one label prefers them: `primary`
  // first, `other` last. A label set without some code (AnnoMI has no affirmation) is matched by
  // the first code it can name, as its annotators had to choose.
  std::vector<Code> ranking;
};

// `context`: client lines this utterance answers, oldest first (may be empty).
// Thread-safe; the rule tables are built once.
Coding code_utterance(std::string_view text, std::span<const std::string> context = {});

}  // namespace attune::scoring
