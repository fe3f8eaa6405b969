// Simple or complex? A reflection that mostly gives the client's words back is
// simple; one that adds a feeling, a meaning or a double side is complex.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "coder_ruleset.h"
#include "coder_tokenizer.h"

namespace attune::scoring::detail {

// Content-word stems of the client's lines, sorted.
struct ClientWords {
  std::vector<std::uint32_t> stems;
  bool empty() const { return stems.empty(); }
  bool contains(std::uint32_t stem) const { return std::binary_search(stems.begin(), stems.end(), stem); }
};

struct Judgement {
  bool complex = false;
  std::string_view reason;  // becomes the last part of the rule id
};

// Tokens [first, last) are the reflection. `stem_complex`: the stem itself adds
// meaning ("part of you"); `marker`: a double-sided/metaphor/values phrase is present.
Judgement judge_reflection(const RuleSet& rs, const TokenizedText& t, std::uint32_t first, std::uint32_t last,
                           bool stem_complex, bool marker, const ClientWords& client);

// Share of the content words in [first, last) that the client used; -1 with none.
double client_overlap(const TokenizedText& t, std::uint32_t first, std::uint32_t last,
                      const ClientWords& client, std::uint32_t& content_words);

}  // namespace attune::scoring::detail
