#include "coder_ruleset.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "coder_shape.h"

namespace attune::scoring::detail {

const RuleSet& RuleSet::get() {
  static const RuleSet instance;  // thread-safe initialisation
  return instance;
}

RuleSet::RuleSet() {
  add_word_classes(lexicon_);
  // The number token stands for any run of digits not otherwise known ("12 drinks").
  lexicon_.add_class("<num>", kNumber);
  for (auto table : {directive_rules(), boundary_rules(), listening_rules()}) {
    for (const RuleSpec& spec : table) {
      const auto index = static_cast<std::uint32_t>(rules_.size());
      rules_.push_back(&spec);
      if (std::string err = patterns_.add(spec.pattern, index, lexicon_); !err.empty()) {
        // The tables are compiled into the binary: a bad row is a programming error.
        std::fprintf(stderr, "attune coder: rule %.*s: %s\n", static_cast<int>(spec.id.size()),
                     spec.id.data(), err.c_str());
        std::abort();
      }
    }
  }
  auto w = [this](std::string_view s) { return lexicon_.intern(s); };
  words_ = KeyWords{
      w("you"),     w("your"), w("yourself"), w("i"),          w("me"),      w("my"),       w("we"),
      w("us"),      w("and"),  w("also"),     w("so"),         w("let"),     w("have"),     w("know"),
      w("if"),      w("like"), w("be"),       w("feel"),       w("rather"),  w("hesitate"), w("forget"),
      w("of"),      w("they"), w("he"),       w("she"),        w("people"),  w("everyone"), w("someone"),
      w("others"),  w("kind"), w("really"),   w("do"),         w("still"),   w("always"),   w("sometimes"),
      w("even"),    w("mean"), w("guess"),    w("when"),       w("once"),    w("whenever"), w("about"),
      w("felt"),    w("been"), w("will"),     w("but"),        w("because"), w("lol"),      w("haha"),
      w("hahaha"),  w("hehe"), w("lmao"),     w("did"),        w("say"),     w("tell"),     w("ask"),
      w("mention"), w("hear"), w("read"),     w("understand"), w("catch"),   w("follow"),   w("notice"),
      w("see"),     w("miss"), w("the"),      w("what"),       w("who"),     w("is"),       w("are"),
      w("was"),     w("were"), w("has")};
  patterns_.finish(lexicon_);
}

namespace {

constexpr std::uint32_t kNegationWindow = 6;

bool in_question(const Sentence& s) {
  return s.terminator == '?';
}

// A question asked with a question word or an auxiliary ("Is that...?", "..., or would you...?"),
// not a statement typed with a question mark ("Maybe try yoga?").
bool asked_question(const RuleSet& rs, const TokenizedText& t, const Sentence& s) {
  if (!in_question(s)) return false;
  const QuestionShape q = sentence_shape(rs, t, s).question;
  return q != QuestionShape::kRising && q != QuestionShape::kNone;
}

// A negation shortly before the match, in the same clause: "I can't promise I
// won't tell", "I'm not going to diagnose". "Don't hesitate to call" is not one.
bool negated_before(const RuleSet& rs, const TokenizedText& t, const Sentence& s, std::uint32_t pos) {
  const auto& toks = t.tokens;
  const Lexicon& lex = rs.lexicon();
  for (std::uint32_t n = 0; pos > s.first && n < kNegationWindow; ++n) {
    const std::uint32_t j = pos - 1 - n;
    if (lex.is(toks[j].id, kNegator)) {
      const WordId next = j + 1 < s.last ? toks[j + 1].id : kNoWord;
      if (next != rs.words().hesitate && next != rs.words().forget) return true;
    }
    if ((toks[j].flags & kClauseStart) != 0 || j == s.first) break;
  }
  return false;
}

// "You feel like you should...", "your mom says you need to...": the directive
// belongs to someone else's voice, which the helper is reflecting.
bool reported_before(const RuleSet& rs, const TokenizedText& t, const Sentence& s, std::uint32_t pos) {
  const auto& toks = t.tokens;
  const Lexicon& lex = rs.lexicon();
  const KeyWords& k = rs.words();
  for (std::uint32_t n = 0; pos > s.first && n < 8; ++n) {
    const std::uint32_t j = pos - 1 - n;
    if (lex.is(toks[j].id, kReportVerb)) {
      // Walk back over "are", "really", "kind of"... to the verb's subject.
      for (std::uint32_t m = 1; m <= 4 && j >= s.first + m; ++m) {
        const WordId id = toks[j - m].id;
        if (id == k.you || id == k.they || id == k.he || id == k.she || id == k.people || id == k.everyone ||
            id == k.someone || id == k.others || lex.is(id, kRelative)) {
          return true;
        }
        if (id == k.i || id == k.we) return false;
        const bool skippable = lex.is(id, kBe | kModal | kHedge | kIntensifier | kNegator) || id == k.kind ||
                               id == k.of || id == k.do_ || id == k.still || id == k.always ||
                               id == k.sometimes || id == k.even || id == k.like;
        if (!skippable) break;
      }
    }
    if ((toks[j].flags & kClauseStart) != 0 || j == s.first) break;
  }
  return false;
}

// Only discourse words and fillers around the hit: "Okay, I see." but not "I see your point about rent."
bool whole_sentence(const RuleSet& rs, const TokenizedText& t, const Sentence& s, std::uint32_t first,
                    std::uint32_t last) {
  const Lexicon& lex = rs.lexicon();
  for (std::uint32_t j = s.first; j < s.last; ++j) {
    if (j >= first && j < last) continue;
    if (!lex.is(t.tokens[j].id, kFillerWord | kAnchorSkip) && t.tokens[j].id != rs.words().you) return false;
  }
  return true;
}

bool wh_before(const RuleSet& rs, const TokenizedText& t, const Sentence& s, std::uint32_t pos) {
  for (std::uint32_t j = pos; j > s.first;) {
    --j;
    if (rs.lexicon().is(t.tokens[j].id, kWh)) return true;
    if ((t.tokens[j].flags & kClauseStart) != 0) break;
  }
  return false;
}

// The word just before the match (past hedges) opens a subordinate clause: "when you have to".
bool subordinate_before(const RuleSet& rs, const TokenizedText& t, const Sentence& s, std::uint32_t pos) {
  const Lexicon& lex = rs.lexicon();
  std::uint32_t j = pos;
  while (j > s.first) {
    --j;
    const WordId id = t.tokens[j].id;
    if (lex.is(id, kHedge | kIntensifier)) continue;
    return lex.is(id, kSubordinator);
  }
  return false;
}

// The rule's conditions beyond its words: negation, reported speech, sentence kind.
bool admissible(const RuleSet& rs, const RuleSpec& spec, const TokenizedText& t, const Sentence& s,
                std::uint32_t pos, std::uint32_t end) {
  const std::uint16_t f = spec.flags;
  if ((f & kNotInQuestion) != 0 && in_question(s)) return false;
  if ((f & kNotInAskedQuestion) != 0 && asked_question(rs, t, s)) return false;
  if ((f & kNegatable) != 0 && negated_before(rs, t, s, pos)) return false;
  if ((f & kReported) != 0 && reported_before(rs, t, s, pos)) return false;
  if ((f & kNotAfterWh) != 0 && wh_before(rs, t, s, pos)) return false;
  if ((f & kNotSubordinate) != 0 && subordinate_before(rs, t, s, pos)) return false;
  if ((f & kWholeSentence) != 0 && !whole_sentence(rs, t, s, pos, end)) return false;
  return true;
}

bool in_clause_range(const Token& tok, std::uint16_t lo, std::uint16_t hi) {
  return tok.clause >= lo && tok.clause <= hi;
}

void apply_vetoes(const RuleSet& rs, const TokenizedText& t, std::vector<Hit>& hits, std::size_t from) {
  constexpr std::uint32_t kDead = UINT32_MAX;
  for (std::size_t v = from; v < hits.size(); ++v) {
    if (hits[v].rule == kDead) continue;
    const RuleSpec& spec = rs.rule(hits[v].rule);
    const bool veto = spec.role == Role::kVeto;
    if (!veto && (spec.flags & kVetoAdvice) == 0) continue;
    const Code target = veto ? spec.code : Code::advice;
    const bool whole = (spec.flags & kSentenceScope) != 0;
    const std::uint16_t lo = t.tokens[hits[v].first].clause;
    const std::uint16_t hi = t.tokens[hits[v].last - 1].clause;
    for (std::size_t h = from; h < hits.size(); ++h) {
      if (h == v || hits[h].rule == kDead) continue;
      const RuleSpec& other = rs.rule(hits[h].rule);
      if (other.role != Role::kEmit || other.code != target) continue;
      // Talk about the conversation ("I've been thinking") does not undo a story told before it
      // in the same clause ("I lost my job and I've been thinking...").
      if (!whole && target == Code::self_disclosure && hits[h].last <= hits[v].first) continue;
      if (whole || in_clause_range(t.tokens[hits[h].first], lo, hi)) hits[h].rule = kDead;
    }
  }
  auto dead = [](const Hit& h) { return h.rule == kDead; };
  hits.erase(std::remove_if(hits.begin() + static_cast<std::ptrdiff_t>(from), hits.end(), dead), hits.end());
}

}  // namespace

void find_hits(const RuleSet& rs, const TokenizedText& t, std::vector<Hit>& hits) {
  hits.clear();
  const Lexicon& lex = rs.lexicon();
  const PatternSet& ps = rs.patterns();
  for (std::uint32_t si = 0; si < t.sentences.size(); ++si) {
    const Sentence& s = t.sentences[si];
    const std::size_t sentence_begin = hits.size();
    for (std::uint32_t pos = s.first; pos < s.last; ++pos) {
      const WordId id = t.tokens[pos].id;
      const std::span<const PatternSet::Candidate> by_pair = pos + 1 < s.last
                                                                 ? ps.starting_with(id, t.tokens[pos + 1].id)
                                                                 : std::span<const PatternSet::Candidate>{};
      for (const std::uint32_t known : {0u, 2u}) {
        for (const PatternSet::Candidate& candidate : known == 0 ? ps.starting_with(id) : by_pair) {
          if (!PatternSet::may_match(candidate, t.tokens, pos, s.last, lex)) continue;
          const Pattern& p = ps.pattern(candidate.pattern);
          std::uint32_t end = 0;
          if (!ps.match(p, t.tokens, pos, s.last, lex, end, known)) continue;
          // One hit per rule and sentence: the first place it fires, the longest reading there.
          Hit* seen = nullptr;
          for (std::size_t h = sentence_begin; h < hits.size() && seen == nullptr; ++h) {
            if (hits[h].rule == p.rule) seen = &hits[h];
          }
          if (seen != nullptr && (seen->first != pos || seen->last >= end)) continue;
          if (!admissible(rs, rs.rule(p.rule), t, s, pos, end)) continue;
          if (seen != nullptr) {
            seen->last = end;
          } else {
            hits.push_back(Hit{p.rule, si, pos, end});
          }
        }
      }
    }
    apply_vetoes(rs, t, hits, sentence_begin);
  }
}

}  // namespace attune::scoring::detail
