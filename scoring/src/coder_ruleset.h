// The compiled rule set (built once, shared by all threads) and the phrase pass:
// which rules fire where, after negation, reported speech and vetoes.
#pragma once

#include <cstdint>
#include <vector>

#include "coder_lexicon.h"
#include "coder_pattern.h"
#include "coder_rules.h"
#include "coder_tokenizer.h"

namespace attune::scoring::detail {

// Words the sentence logic asks about by name.
struct KeyWords {
  WordId you, your, yourself, i, me, my, we, us, and_, also, so, let, have, know, if_, like, be, feel, rather,
      hesitate, forget, of, they, he, she, people, everyone, someone, others, kind, really, do_, still,
      always, sometimes, even, mean, guess, when, once, whenever, about, felt, been, will, but, because, lol,
      haha, hahaha, hehe, lmao, did, say, tell, ask, mention, hear, read, understand, catch_, follow, notice,
      see, miss, the, what, who, is, are, was, were, has;
};

class RuleSet {
 public:
  static const RuleSet& get();

  const Lexicon& lexicon() const { return lexicon_; }
  const PatternSet& patterns() const { return patterns_; }
  const RuleSpec& rule(std::uint32_t i) const { return *rules_[i]; }
  const KeyWords& words() const { return words_; }

 private:
  RuleSet();

  Lexicon lexicon_;
  PatternSet patterns_;
  std::vector<const RuleSpec*> rules_;
  KeyWords words_{};
};

struct Hit {
  std::uint32_t rule = 0;
  std::uint32_t sentence = 0;
  std::uint32_t first = 0;  // tokens [first, last)
  std::uint32_t last = 0;
};

// All surviving hits, ordered by sentence and then by position.
void find_hits(const RuleSet& rules, const TokenizedText& text, std::vector<Hit>& hits);

}  // namespace attune::scoring::detail
