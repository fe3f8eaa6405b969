// Token-sequence patterns: a tiny notation compiled once into integer tables.
//
//   ^            (first) the match must start at a clause head (after "so", "okay", "just"...)
//   $            (last) the match must reach the end of the sentence
//   a|b|c        one token, any of these words
//   word?        optional token
//   (a b|c d)    alternatives of several tokens (groups nest); (...)? makes the group optional
//   *N           skip up to N tokens, never across a negation or a clause break
//   _            any one token
//   @class       a word class (see kClassNames in coder_pattern.cpp), or the token
//                flags @ing / @ed / @digits (not as the first element)
//
// Groups are expanded into separate patterns at compile time (single-word
// alternatives stay one element), so matching is a short backtracking walk over
// plain elements, and patterns are indexed by their first one or two words.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "coder_lexicon.h"
#include "coder_tokenizer.h"

namespace attune::scoring::detail {

struct Element {
  enum class Kind : std::uint8_t { kWords, kClass, kFlag, kAny, kGap };
  Kind kind = Kind::kAny;
  bool optional = false;
  std::uint8_t gap = 0;
  std::uint32_t mask = 0;  // word class or token flag
  std::uint32_t words_begin = 0;
  std::uint32_t words_count = 0;
};

struct Pattern {
  std::uint32_t elements_begin = 0;
  std::uint32_t elements_count = 0;
  std::uint32_t rule = 0;  // index of the rule this pattern belongs to
  bool anchored = false;
  bool to_end = false;
};

class PatternSet {
 public:
  // What must hold at the token where an indexed pattern's first unchecked element stands.
  struct NextCheck {
    std::uint64_t words = 0;    // bit (id % 64) of each word that could stand there
    std::uint32_t classes = 0;  // word classes that could
    std::uint16_t flags = 0;    // token flags that could
    std::uint8_t element = 0;   // where, counted in tokens from the pattern's first
    std::uint8_t window = 0;    // after a gap: how many more places it may stand
    bool pass = true;           // nothing to check: any token could
    bool anchored = false;
  };
  // A pattern filed in the index, with its quick check beside it: the candidates for a word are
  // read in one sweep, without a jump to a table per pattern.
  struct Candidate {
    NextCheck check;
    std::uint32_t pattern = 0;
  };

  // Adds every expansion of `notation` for `rule`; returns an error message, or
  // empty on success (the tables are ours, so errors are programming errors).
  std::string add(std::string_view notation, std::uint32_t rule, Lexicon& lexicon);
  // Builds the first-token index; call once after the last add().
  void finish(const Lexicon& lexicon);

  // Patterns that can start at a word, split by whether they also need a given
  // second word: a 40-word reply tries a handful of patterns, not thousands.
  std::span<const Candidate> starting_with(WordId first) const { return by_first_[first]; }
  std::span<const Candidate> starting_with(WordId first, WordId second) const;
  const Pattern& pattern(std::uint32_t i) const { return patterns_[i]; }

  // A quick test of pattern `i` found through the index at `pos`: its anchor, and whether the
  // token where its first unindexed element stands could start the rest (any of the words, classes
  // or flags that could come there, optional elements included). Most indexed patterns fail right
  // there; this rejects them from one small table, without match().
  static bool may_match(const Candidate& candidate, const std::vector<Token>& tokens, std::uint32_t pos,
                        std::uint32_t end, const Lexicon& lexicon) {
    const NextCheck& c = candidate.check;
    if (c.anchored && (tokens[pos].flags & kAnchor) == 0) return false;
    if (c.pass) return true;
    // After a gap of up to N tokens, the element may stand at any of N + 1 places.
    for (std::uint32_t at = pos + c.element; at < end && at <= pos + c.element + c.window; ++at) {
      const Token& t = tokens[at];
      if (((c.words >> (t.id & 63u)) & 1u) != 0 || lexicon.is(t.id, c.classes) || (t.flags & c.flags) != 0)
        return true;
    }
    return false;
  }
  std::size_t size() const { return patterns_.size(); }

  // Tries pattern `p` at `pos`; tokens [pos, end) belong to one sentence. On success
  // sets `match_end` (exclusive). `known` leading elements are already known to
  // match (2 for patterns found through the two-word index).
  bool match(const Pattern& p, const std::vector<Token>& tokens, std::uint32_t pos, std::uint32_t end,
             const Lexicon& lexicon, std::uint32_t& match_end, std::uint32_t known = 0) const;

 private:
  bool match_from(const Pattern& p, std::uint32_t elem, const std::vector<Token>& tokens, std::uint32_t pos,
                  std::uint32_t end, const Lexicon& lexicon, std::uint32_t& match_end) const;
  bool token_matches(const Element& e, const Token& t, const Lexicon& lexicon) const;
  std::string compile(const std::vector<std::string_view>& atoms, std::uint32_t rule, Lexicon& lexicon);
  static NextCheck next_check(const Pattern& p, std::uint32_t element, const std::vector<Element>& elements,
                              const std::vector<WordId>& words);

  std::vector<Element> elements_;
  std::vector<WordId> words_;
  std::vector<Pattern> patterns_;
  struct PairSlot {
    std::uint32_t key = 0;
    std::uint32_t begin = 0;
    std::uint32_t count = 0;  // 0 = empty slot
  };
  static std::uint32_t pair_key(WordId a, WordId b) { return (static_cast<std::uint32_t>(a) << 16) | b; }
  static std::size_t pair_hash(std::uint32_t key) { return (key * 2654435761u) >> 7; }
  std::vector<WordId> element_words(const Element& e, const Lexicon& lexicon) const;

  std::vector<std::vector<Candidate>> by_first_;  // patterns indexed by their first word only
  std::vector<PairSlot> pair_slots_;              // open addressing over (first, second) words
  std::vector<std::uint8_t> pair_firsts_;         // per word: whether any pair starts with it
  std::vector<Candidate> pair_pool_;
};

}  // namespace attune::scoring::detail
