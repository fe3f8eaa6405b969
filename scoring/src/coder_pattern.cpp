#include "coder_pattern.h"

#include <algorithm>
#include <deque>
#include <utility>

namespace attune::scoring::detail {
namespace {

constexpr std::pair<std::string_view, std::uint32_t> kClassNames[] = {
    {"aux", kAux},
    {"wh", kWh},
    {"subject", kSubject},
    {"neg", kNegator},
    {"verb", kActionVerb},
    {"feeling", kFeeling},
    {"med", kMedication},
    {"disorder", kDisorder},
    {"pro", kProfessional},
    {"social", kSocialApp},
    {"eval", kEvaluative},
    {"harm", kHarmVerb},
    {"modal", kModal},
    {"report", kReportVerb},
    {"me", kFirstPerson},
    {"you", kSecondPerson},
    {"outing", kOuting},
    {"relative", kRelative},
    {"metaphor", kMetaphor},
    {"be", kBe},
    {"past", kPastVerb},
    {"num", kNumber},
    {"intens", kIntensifier},
};
constexpr std::pair<std::string_view, std::uint32_t> kFlagNames[] = {
    {"ing", kEndsIng},
    {"digits", kDigits},
    {"ed", kEndsEd},
};

using Atoms = std::vector<std::string_view>;

bool is_plain_word(std::string_view atom) {
  return !atom.empty() && atom[0] != '@' && atom[0] != '*' && atom[0] != '_' && atom[0] != '^' &&
         atom[0] != '$' && atom.back() != '?';
}

// Single-word alternatives become one "a|b|c" element instead of separate
// patterns, which keeps the expansion small.
void merge_single_words(std::vector<Atoms>& choices, std::deque<std::string>& storage) {
  std::string merged;
  bool optional = false;
  std::vector<Atoms> rest;
  for (Atoms& c : choices) {
    if (c.empty()) {
      optional = true;
    } else if (c.size() == 1 && is_plain_word(c[0])) {
      if (!merged.empty()) merged += '|';
      merged += c[0];
    } else {
      rest.push_back(std::move(c));
    }
  }
  if (merged.empty()) {
    if (optional) rest.emplace_back();
    choices.swap(rest);
    return;
  }
  if (optional && rest.empty()) {
    merged += '?';
  } else if (optional) {
    rest.emplace_back();
  }
  storage.push_back(std::move(merged));
  rest.push_back(Atoms{storage.back()});
  choices.swap(rest);
}

// Every token sequence the notation stands for; groups may nest.
std::string expand(std::string_view notation, std::vector<Atoms>& out, std::deque<std::string>& storage) {
  out.assign(1, Atoms{});
  std::size_t i = 0;
  while (i < notation.size()) {
    if (notation[i] == ' ') {
      ++i;
      continue;
    }
    std::vector<Atoms> choices;
    if (notation[i] == '(') {
      std::size_t depth = 0;
      std::size_t close = i;
      std::vector<std::size_t> bars;
      for (; close < notation.size(); ++close) {
        if (notation[close] == '(') ++depth;
        if (notation[close] == ')' && --depth == 0) break;
        if (notation[close] == '|' && depth == 1) bars.push_back(close);
      }
      if (close == notation.size()) return "unclosed group";
      bars.push_back(close);
      std::size_t from = i + 1;
      for (std::size_t bar : bars) {
        std::vector<Atoms> alternative;
        if (std::string err = expand(notation.substr(from, bar - from), alternative, storage); !err.empty()) {
          return err;
        }
        choices.insert(choices.end(), alternative.begin(), alternative.end());
        from = bar + 1;
      }
      i = close + 1;
      if (i < notation.size() && notation[i] == '?') {
        choices.emplace_back();
        ++i;
      }
      merge_single_words(choices, storage);
    } else {
      std::size_t j = i;
      while (j < notation.size() && notation[j] != ' ') ++j;
      const std::string_view atom = notation.substr(i, j - i);
      if (atom.find_first_of("()") != std::string_view::npos) return "stray parenthesis";
      choices.push_back(Atoms{atom});
      i = j;
    }
    std::vector<Atoms> product;
    for (const Atoms& prefix : out) {
      for (const Atoms& choice : choices) {
        Atoms seq = prefix;
        seq.insert(seq.end(), choice.begin(), choice.end());
        product.push_back(std::move(seq));
      }
    }
    out.swap(product);
    if (out.size() > 4096) return "too many expansions";
  }
  return {};
}

// Short alternative lists are faster to scan than to bisect.
constexpr std::uint32_t kLinearSearchMax = 8;

bool is_optional(std::string_view atom) {
  return atom.size() > 1 && atom.back() == '?';
}

}  // namespace

std::string PatternSet::add(std::string_view notation, std::uint32_t rule, Lexicon& lexicon) {
  std::vector<Atoms> sequences;
  std::deque<std::string> storage;  // merged alternatives; compile() copies what it needs
  if (std::string err = expand(notation, sequences, storage); !err.empty()) {
    return err + " in \"" + std::string(notation) + "\"";
  }
  // Optional first or second tokens would defeat the two-token index: split them
  // into "with" and "without" patterns instead.
  for (std::size_t s = 0; s < sequences.size(); ++s) {
    const std::size_t head = !sequences[s].empty() && sequences[s][0] == "^" ? 1 : 0;
    for (std::size_t k = head; k < head + 2 && k < sequences[s].size(); ++k) {
      if (!is_optional(sequences[s][k])) continue;
      Atoms without = sequences[s];
      without.erase(without.begin() + static_cast<std::ptrdiff_t>(k));
      sequences[s][k] = sequences[s][k].substr(0, sequences[s][k].size() - 1);
      sequences.push_back(std::move(without));
      break;
    }
  }
  for (const Atoms& seq : sequences) {
    if (std::string err = compile(seq, rule, lexicon); !err.empty()) {
      return err + " in \"" + std::string(notation) + "\"";
    }
  }
  return {};
}

std::string PatternSet::compile(const std::vector<std::string_view>& atoms_in, std::uint32_t rule,
                                Lexicon& lexicon) {
  Atoms atoms = atoms_in;
  Pattern p;
  p.rule = rule;
  if (!atoms.empty() && atoms.front() == "^") {
    p.anchored = true;
    atoms.erase(atoms.begin());
  }
  if (!atoms.empty() && atoms.back() == "$") {
    p.to_end = true;
    atoms.pop_back();
  }
  if (atoms.empty()) return "empty pattern";
  p.elements_begin = static_cast<std::uint32_t>(elements_.size());
  for (std::string_view atom : atoms) {
    Element e;
    if (is_optional(atom)) {
      e.optional = true;
      atom.remove_suffix(1);
    }
    if (atom[0] == '*') {
      e.kind = Element::Kind::kGap;
      e.gap = static_cast<std::uint8_t>(atom.size() > 1 ? atom[1] - '0' : 3);
    } else if (atom == "_") {
      e.kind = Element::Kind::kAny;
    } else if (atom[0] == '@') {
      const std::string_view name = atom.substr(1);
      for (const auto& [n, cls] : kClassNames) {
        if (n == name) {
          e.kind = Element::Kind::kClass;
          e.mask = cls;
        }
      }
      for (const auto& [n, flag] : kFlagNames) {
        if (n == name) {
          e.kind = Element::Kind::kFlag;
          e.mask = flag;
        }
      }
      if (e.mask == 0) return "unknown class @" + std::string(name);
    } else {
      e.kind = Element::Kind::kWords;
      e.words_begin = static_cast<std::uint32_t>(words_.size());
      std::size_t a = 0;
      while (a <= atom.size()) {
        std::size_t b = atom.find('|', a);
        if (b == std::string_view::npos) b = atom.size();
        if (b > a) words_.push_back(lexicon.intern(atom.substr(a, b - a)));
        a = b + 1;
      }
      e.words_count = static_cast<std::uint32_t>(words_.size() - e.words_begin);
      std::sort(words_.begin() + e.words_begin, words_.end());  // for binary search
    }
    elements_.push_back(e);
  }
  p.elements_count = static_cast<std::uint32_t>(elements_.size() - p.elements_begin);
  const Element& first = elements_[p.elements_begin];
  if (first.kind != Element::Kind::kWords && first.kind != Element::Kind::kClass) {
    return "a pattern must start with a word or a word class";
  }
  patterns_.push_back(p);
  return {};
}

std::vector<WordId> PatternSet::element_words(const Element& e, const Lexicon& lexicon) const {
  std::vector<WordId> ids;
  if (e.kind == Element::Kind::kWords) {
    ids.assign(words_.begin() + e.words_begin, words_.begin() + e.words_begin + e.words_count);
  } else {
    for (WordId id = 1; id < lexicon.size(); ++id) {
      if (lexicon.is(id, e.mask)) ids.push_back(id);
    }
  }
  return ids;
}

PatternSet::NextCheck PatternSet::next_check(const Pattern& p, std::uint32_t element,
                                             const std::vector<Element>& elements,
                                             const std::vector<WordId>& words) {
  NextCheck c;
  c.anchored = p.anchored;
  c.element = static_cast<std::uint8_t>(element);
  if (element < p.elements_count && elements[p.elements_begin + element].kind == Element::Kind::kGap) {
    // "you *3 want to": the element after the gap, somewhere in the gap's reach.
    c.window = elements[p.elements_begin + element].gap;
    ++element;
  }
  // The element there, and while it is optional, the ones that could stand there instead.
  for (; element < p.elements_count; ++element) {
    const Element& e = elements[p.elements_begin + element];
    switch (e.kind) {
      case Element::Kind::kWords:
        for (std::uint32_t w = 0; w < e.words_count; ++w)
          c.words |= std::uint64_t{1} << (words[e.words_begin + w] & 63u);
        break;
      case Element::Kind::kClass:
        c.classes |= e.mask;
        break;
      case Element::Kind::kFlag:
        c.flags = static_cast<std::uint16_t>(c.flags | e.mask);
        break;
      case Element::Kind::kAny:
      case Element::Kind::kGap:
        return c;  // anything could come there: nothing to check
    }
    if (!e.optional) {
      c.pass = false;
      return c;
    }
  }
  return c;  // every element left is optional: the pattern may already be complete
}

void PatternSet::finish(const Lexicon& lexicon) {
  by_first_.assign(lexicon.size(), {});
  std::vector<NextCheck> checks(patterns_.size());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> keyed;  // (pair key, pattern)
  for (std::uint32_t i = 0; i < patterns_.size(); ++i) {
    const Pattern& p = patterns_[i];
    const Element& first = elements_[p.elements_begin];
    const bool pairable = p.elements_count > 1 && !elements_[p.elements_begin + 1].optional &&
                          (elements_[p.elements_begin + 1].kind == Element::Kind::kWords ||
                           elements_[p.elements_begin + 1].kind == Element::Kind::kClass);
    const std::vector<WordId> firsts = element_words(first, lexicon);
    checks[i] = next_check(p, pairable ? 2 : 1, elements_, words_);
    if (!pairable) {
      for (WordId a : firsts) by_first_[a].push_back({checks[i], i});
      continue;
    }
    const std::vector<WordId> seconds = element_words(elements_[p.elements_begin + 1], lexicon);
    for (WordId a : firsts) {
      for (WordId b : seconds) keyed.emplace_back(pair_key(a, b), i);
    }
  }
  std::sort(keyed.begin(), keyed.end());
  // Sized by distinct pairs, not by entries: the table stays small enough to live in cache.
  std::size_t distinct = 0;
  pair_firsts_.assign(lexicon.size(), 0);
  for (std::size_t k = 0; k < keyed.size(); ++k) {
    if (k == 0 || keyed[k].first != keyed[k - 1].first) ++distinct;
    pair_firsts_[keyed[k].first >> 16] = 1;
  }
  std::size_t capacity = 16;
  while (capacity < distinct * 2) capacity *= 2;
  pair_slots_.assign(capacity, PairSlot{});
  pair_pool_.clear();
  for (std::size_t k = 0; k < keyed.size();) {
    std::size_t j = k;
    PairSlot slot;
    slot.key = keyed[k].first;
    slot.begin = static_cast<std::uint32_t>(pair_pool_.size());
    for (; j < keyed.size() && keyed[j].first == slot.key; ++j)
      pair_pool_.push_back({checks[keyed[j].second], keyed[j].second});
    slot.count = static_cast<std::uint32_t>(j - k);
    std::size_t h = pair_hash(slot.key) & (capacity - 1);
    while (pair_slots_[h].count != 0) h = (h + 1) & (capacity - 1);
    pair_slots_[h] = slot;
    k = j;
  }
}

std::span<const PatternSet::Candidate> PatternSet::starting_with(WordId first, WordId second) const {
  if (pair_firsts_[first] == 0) return {};
  const std::uint32_t key = pair_key(first, second);
  const std::size_t mask = pair_slots_.size() - 1;
  for (std::size_t h = pair_hash(key) & mask; pair_slots_[h].count != 0; h = (h + 1) & mask) {
    if (pair_slots_[h].key == key) return {pair_pool_.data() + pair_slots_[h].begin, pair_slots_[h].count};
  }
  return {};
}

bool PatternSet::token_matches(const Element& e, const Token& t, const Lexicon& lexicon) const {
  switch (e.kind) {
    case Element::Kind::kWords: {
      const WordId* first = words_.data() + e.words_begin;
      if (e.words_count <= kLinearSearchMax)
        return std::find(first, first + e.words_count, t.id) != first + e.words_count;
      return std::binary_search(first, first + e.words_count, t.id);
    }
    case Element::Kind::kClass:
      return lexicon.is(t.id, e.mask);
    case Element::Kind::kFlag:
      return (t.flags & e.mask) != 0;
    case Element::Kind::kAny:
      return true;
    case Element::Kind::kGap:
      break;
  }
  return false;
}

bool PatternSet::match_from(const Pattern& p, std::uint32_t elem, const std::vector<Token>& tokens,
                            std::uint32_t pos, std::uint32_t end, const Lexicon& lexicon,
                            std::uint32_t& match_end) const {
  if (elem == p.elements_count) {
    if (p.to_end && pos != end) return false;
    match_end = pos;
    return true;
  }
  const Element& e = elements_[p.elements_begin + elem];
  if (e.kind == Element::Kind::kGap) {
    for (std::uint32_t k = 0; k <= e.gap && pos + k <= end; ++k) {
      if (k > 0) {
        const Token& skipped = tokens[pos + k - 1];
        if (lexicon.is(skipped.id, kNegator) || (k > 1 && (skipped.flags & kClauseStart) != 0)) return false;
        if (pos + k < end && (tokens[pos + k].flags & kClauseStart) != 0) return false;
      }
      if (match_from(p, elem + 1, tokens, pos + k, end, lexicon, match_end)) return true;
    }
    return false;
  }
  if (pos < end && token_matches(e, tokens[pos], lexicon) &&
      match_from(p, elem + 1, tokens, pos + 1, end, lexicon, match_end)) {
    return true;
  }
  return e.optional && match_from(p, elem + 1, tokens, pos, end, lexicon, match_end);
}

bool PatternSet::match(const Pattern& p, const std::vector<Token>& tokens, std::uint32_t pos,
                       std::uint32_t end, const Lexicon& lexicon, std::uint32_t& match_end,
                       std::uint32_t known) const {
  if (p.anchored && (tokens[pos].flags & kAnchor) == 0) return false;
  return match_from(p, known, tokens, pos + known, end, lexicon, match_end);
}

}  // namespace attune::scoring::detail
