// One pass over the response: words with their byte spans in the original text,
// lower-cased and with contractions split, grouped into sentences and clauses.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "coder_lexicon.h"

namespace attune::scoring::detail {

enum TokenFlag : std::uint16_t {
  kClauseStart = 1u << 0,  // first word after a comma, dash, sentence end...
  kAnchor = 1u << 1,       // a clause start, or follows only discourse words/hedges there
  kEndsIng = 1u << 2,      // "trying": lets "how about trying" read as a suggestion
  kDigits = 1u << 3,       // "988"
  kContent = 1u << 4,      // a content word: compared with the client's words
  kEndsEd = 1u << 5,       // "happened": a past form, whatever the word
  kEndsS = 1u << 6,        // "helps": a third-person verb, or a plural
  kEndsSt = 1u << 7,       // "best", "hardest": a superlative, as often as not
};

// Word classes whose stems are compared with the client's even when they are not content words.
inline constexpr std::uint32_t kStemmedClasses = kFeeling | kEvaluative | kMetaphor;

struct Token {
  std::uint32_t begin = 0;  // [begin, end) in the original text; shared by contraction parts
  std::uint32_t end = 0;
  // Hash of a crude stem, for overlap with the client's words: set for content words and the
  // classes in kStemmedClasses, 0 for the rest.
  std::uint32_t stem = 0;
  WordId id = kNoWord;
  std::uint16_t flags = 0;
  std::uint16_t clause = 0;  // clause number, counted over the whole text
};

struct Sentence {
  std::uint32_t first = 0;  // token indices [first, last)
  std::uint32_t last = 0;
  std::uint32_t end_byte = 0;  // after the terminator, if any
  char terminator = 0;         // '?', '.', '!' or 0
};

struct TokenizedText {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  void clear() {
    tokens.clear();
    sentences.clear();
  }
};

// A hash of the word's crude stem ("worried", "worries" and "worry" share one).
std::uint32_t stem_hash(std::string_view word);

// Reuses `out`'s storage, so a caller that keeps `out` allocates only while warming up.
void tokenize(std::string_view text, const Lexicon& lexicon, TokenizedText& out);

}  // namespace attune::scoring::detail
