// Word ids and word classes for the behaviour coder. Every word the rule tables
// mention gets a small integer id, so matching compares integers, not strings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace attune::scoring::detail {

using WordId = std::uint16_t;
inline constexpr WordId kNoWord = 0;  // a word no rule mentions

// Classes are bits so a token can belong to several (e.g. "worried" is a feeling
// and a reporting verb).
enum WordClass : std::uint32_t {
  kAux = 1u << 0,          // auxiliaries/modals that open a yes/no question
  kWh = 1u << 1,           // wh-words that open an open question
  kSubject = 1u << 2,      // what can follow an inverted auxiliary
  kDiscourse = 1u << 3,    // "so", "okay", "and": skipped to find a clause's head
  kHedge = 1u << 4,        // "just", "maybe": skipped before an imperative
  kNegator = 1u << 5,      // "not", "never", "no"
  kActionVerb = 1u << 6,   // base-form verbs that make an imperative advice
  kFeeling = 1u << 7,      // named feelings: evidence for a complex reflection
  kStopword = 1u << 8,     // ignored when comparing with the client's words
  kFillerWord = 1u << 9,   // a sentence made only of these is filler
  kMedication = 1u << 10,  // medication and dosing words
  kDisorder = 1u << 11,    // diagnostic labels
  kProfessional = 1u << 12,
  kSocialApp = 1u << 13,
  kEvaluative = 1u << 14,  // "hard", "overwhelming": a reflected evaluation
  kHarmVerb = 1u << 15,
  kModal = 1u << 16,
  kReportVerb = 1u << 17,  // "feel", "think", "told": a reported stance, not a directive
  kFirstPerson = 1u << 18,
  kSecondPerson = 1u << 19,
  kOuting = 1u << 20,  // "coffee", "lunch": social plans
  kRelative = 1u << 21,
  kMetaphor = 1u << 22,  // "carrying", "weight": figurative, adds meaning
  kBe = 1u << 23,
  kPastVerb = 1u << 24,  // narrative past, for self-disclosure after "when I"
  kNumber = 1u << 25,
  kIntensifier = 1u << 26,
  kAnchorSkip = 1u << 27,    // kDiscourse | kHedge, precomputed
  kSubordinator = 1u << 28,  // "when", "if", "that": what follows describes, it does not direct
  kGreetingWord = 1u << 29,  // "hello", "hi": a greeting before the sentence's real head
  kProposal = 1u << 30,      // "can", "will", "people": a proposal or a general claim, not a mirror
  kHabitual = 1u << 31,      // "often", "too": the helper's own habits or a "me too"
};

// FNV-1a over bytes; the lexicon and the client-word overlap both use it.
std::uint64_t hash_bytes(std::string_view bytes);

class Lexicon {
 public:
  Lexicon();

  // Build time only (not thread-safe): adds the word if new, returns its id.
  WordId intern(std::string_view word);
  void add_class(std::string_view words, std::uint32_t word_class);  // space-separated
  // "dont" -> "do not": the word's replacement tokens.
  void add_expansion(std::string_view word, std::string_view replacement);
  // Space-separated words for much the same feeling: their stems map to one (see Token::stem).
  void add_family(std::string_view words);
  // The stem standing for `stem`'s feeling family, or `stem` itself.
  std::uint32_t family_stem(std::uint32_t stem) const;

  // `word` must already be lower-case.
  WordId find(std::string_view word) const;
  std::uint32_t classes(WordId id) const { return classes_[id]; }
  bool is(WordId id, std::uint32_t word_class) const { return (classes_[id] & word_class) != 0; }
  std::span<const WordId> expansion(WordId id) const;
  std::string_view word(WordId id) const { return words_[id]; }
  std::size_t size() const { return words_.size(); }

 private:
  // A word's first eight bytes sit in its slot: most lookups, hits and misses alike, end there
  // without touching the word list.
  struct Slot {
    std::uint64_t prefix = 0;
    std::uint32_t hash = 0;
    WordId id = kNoWord;
    std::uint16_t length = 0;
  };
  static std::uint64_t prefix_of(std::string_view word);
  static std::uint32_t slot_hash(std::uint64_t prefix, std::string_view word);
  void grow();

  std::vector<Slot> slots_;
  std::deque<std::string> words_;  // deque: views into it stay valid while interning
  std::vector<std::uint32_t> classes_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> family_;  // (stem, family's stem), sorted
  std::vector<std::uint32_t> expansion_begin_;                   // per id, into expansion_pool_
  std::vector<std::uint8_t> expansion_len_;
  std::vector<WordId> expansion_pool_;
};

// The word classes the rules rely on (lists live in coder_lexicon.cpp).
void add_word_classes(Lexicon& lexicon);

}  // namespace attune::scoring::detail
