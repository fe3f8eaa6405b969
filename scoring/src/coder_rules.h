// The coder's phrase tables: one row per rule, written in the pattern notation of
// coder_pattern.h. Rule ids are stable: they are what a supervisor sees as evidence.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "attune/scoring/codes.h"

namespace attune::scoring::detail {

enum class Role : std::uint8_t {
  kEmit,    // the rule's `code` is present
  kStem,    // a reflection stem; simple_reflection = judge by content, complex_reflection = always complex
  kMarker,  // evidence that a reflection adds meaning (double-sided, metaphor, values)
  kVeto,    // cancels hits of `code` in the same clause (or sentence, with kSentenceScope)
};

enum RuleFlag : std::uint16_t {
  kNegatable = 1u << 0,        // cancelled by "not"/"never"/"no" earlier in its clause
  kReported = 1u << 1,         // cancelled inside someone else's reported stance ("you feel you should")
  kVetoAdvice = 1u << 2,       // also cancels advice in its clause ("you should be proud")
  kWholeSentence = 1u << 3,    // only when nothing but discourse words surround it ("I see.")
  kNeedsJoin = 1u << 4,        // summary cues: needs "and"/"also" after the cue
  kSentenceScope = 1u << 5,    // a veto (or kVetoAdvice) reaching the whole sentence, not just its clause
  kNotInQuestion = 1u << 6,    // ignored in a question sentence
  kNotAfterWh = 1u << 7,       // ignored after a wh-word in its clause: "what you could do" asks, not tells
  kNotSubordinate = 1u << 8,   // ignored right after "when/that/if/because...": a described situation
  kKeepsReflection = 1u << 9,  // praise that also gives the client back: a plain reflection stays behind it
  // Ignored in a question led by a question word or auxiliary ("Is that...?"), though not in a
  // suggestion typed with a question mark ("Maybe try yoga?").
  kNotInAskedQuestion = 1u << 10,
};

struct RuleSpec {
  std::string_view id;
  Code code;
  Role role;
  std::uint16_t flags;
  float confidence;
  std::string_view pattern;
};

std::span<const RuleSpec> directive_rules();  // advice, reassurance, judgment
std::span<const RuleSpec> boundary_rules();   // diagnosis, dual relationship, secrecy, safety, referral
std::span<const RuleSpec> listening_rules();  // questions, reflections, summaries, affirmation...

}  // namespace attune::scoring::detail
