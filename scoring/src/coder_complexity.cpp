#include "coder_complexity.h"

namespace attune::scoring::detail {
namespace {

// Below this share of the client's own words, a reflection is mostly new content.
constexpr double kNewContentOverlap = 0.34;
constexpr std::uint32_t kMinContentWords = 5;

}  // namespace

double client_overlap(const TokenizedText& t, std::uint32_t first, std::uint32_t last,
                      const ClientWords& client, std::uint32_t& content_words) {
  std::uint32_t n = 0;
  std::uint32_t shared = 0;
  for (std::uint32_t i = first; i < last; ++i) {
    if ((t.tokens[i].flags & kContent) == 0) continue;
    ++n;
    if (client.contains(t.tokens[i].stem)) ++shared;
  }
  content_words = n;
  return n == 0 ? -1.0 : static_cast<double>(shared) / static_cast<double>(n);
}

Judgement judge_reflection(const RuleSet& rs, const TokenizedText& t, std::uint32_t first, std::uint32_t last,
                           bool stem_complex, bool marker, const ClientWords& client) {
  if (stem_complex || marker) return {true, "adds_meaning"};
  const Lexicon& lex = rs.lexicon();
  bool feeling = false;
  bool new_feeling = false;
  bool new_metaphor = false;
  for (std::uint32_t i = first; i < last; ++i) {
    const Token& tok = t.tokens[i];
    if (lex.is(tok.id, kFeeling | kEvaluative)) {
      feeling = true;
      new_feeling = new_feeling || !client.contains(tok.stem);
    }
    if (lex.is(tok.id, kMetaphor) && !client.contains(tok.stem)) new_metaphor = true;
  }
  if (client.empty()) {
    if (feeling) return {true, "names_feeling"};
    if (new_metaphor) return {true, "adds_meaning"};
    return {false, "restates"};
  }
  if (new_feeling) return {true, "adds_feeling"};
  if (new_metaphor) return {true, "adds_meaning"};
  std::uint32_t n = 0;
  const double overlap = client_overlap(t, first, last, client, n);
  if (n >= kMinContentWords && overlap < kNewContentOverlap) return {true, "new_content"};
  return {false, "repeats_client"};
}

}  // namespace attune::scoring::detail
