// Sentence shape: behaviours recognised from word order rather than from a
// phrase — plain questions, imperatives, stem-less reflections, bare fillers.
#pragma once

#include <cstdint>

#include "coder_ruleset.h"
#include "coder_tokenizer.h"

namespace attune::scoring::detail {

inline constexpr std::uint32_t kNoToken = UINT32_MAX;

enum class QuestionShape : std::uint8_t {
  kNone,
  kWhStart,   // "What brings you here?"
  kAuxStart,  // "Did that help?"
  kWhLater,   // "When that happens, what do you do?"
  kAuxLater,  // "Just so I know, can you say it back?"
  kTag,       // "..., right?", "..., isn't it?"
  kRising,    // a statement with a question mark: "You're moving out?"
};

struct Shape {
  QuestionShape question = QuestionShape::kNone;
  std::uint32_t head = kNoToken;      // first word that is not a discourse word or hedge
  std::uint32_t evidence = kNoToken;  // the token the question shape rests on
};

// First token that is not a discourse word, hedge or spoken aside ("I mean,"); s.last if none.
std::uint32_t sentence_head(const RuleSet& rs, const TokenizedText& t, const Sentence& s);

Shape sentence_shape(const RuleSet& rs, const TokenizedText& t, const Sentence& s);

// A clause-initial action verb: "Call your landlord", "So just try to rest".
// Returns the verb's token or kNoToken.
std::uint32_t imperative_verb(const RuleSet& rs, const TokenizedText& t, const Sentence& s);

// Where a stem-less reflection about the client starts ("You're carrying a lot
// right now", "Your sister matters to you"), or kNoToken.
std::uint32_t second_person_statement(const RuleSet& rs, const TokenizedText& t, const Sentence& s);

// A short verbless fragment naming a feeling: "Really frustrating." Returns its first token or kNoToken.
std::uint32_t feeling_fragment(const RuleSet& rs, const TokenizedText& t, const Sentence& s);

bool only_fillers(const RuleSet& rs, const TokenizedText& t, const Sentence& s);

// The helper speaking about themself ("I", "my", "we").
bool has_first_person(const RuleSet& rs, const TokenizedText& t, const Sentence& s);
// "I", "me", "my": the helper's own stance or story (not "we").
bool has_speaker_self(const RuleSet& rs, const TokenizedText& t, const Sentence& s);
bool has_second_person(const RuleSet& rs, const TokenizedText& t, const Sentence& s);
// "will", "can", "should": the sentence claims or proposes rather than gives words back.
bool has_modal(const RuleSet& rs, const TokenizedText& t, const Sentence& s);
// Words of proposing or generalising ("can", "will", "help", "people") anywhere in [from, s.last).
bool has_proposal_word(const RuleSet& rs, const TokenizedText& t, const Sentence& s, std::uint32_t from);

// Index of the first token after `pos`'s clause (or s.last).
std::uint32_t clause_end(const TokenizedText& t, const Sentence& s, std::uint32_t pos);

}  // namespace attune::scoring::detail
