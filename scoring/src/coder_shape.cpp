#include "coder_shape.h"

namespace attune::scoring::detail {
namespace {

bool starts_clause(const Token& t) {
  return (t.flags & kClauseStart) != 0;
}

// The head of each clause: an anchor that is not itself skippable.
bool is_clause_head(const Lexicon& lex, const Token& t) {
  return (t.flags & kAnchor) != 0 && !lex.is(t.id, kAnchorSkip);
}

bool is_tag_clause(const RuleSet& rs, const TokenizedText& t, const Sentence& s, std::uint32_t from) {
  const Lexicon& lex = rs.lexicon();
  if (from == s.first) return false;
  bool all_short = true;
  for (std::uint32_t i = from; i < s.last; ++i) all_short = all_short && lex.is(t.tokens[i].id, kFillerWord);
  if (all_short) return true;  // "..., right?", "..., okay?"
  // "..., isn't it?", "..., is that right?", "..., don't you think?": the auxiliary, its subject and
  // at most a word of agreement. Not "..., did you have fun?", which asks something new.
  if (!lex.is(t.tokens[from].id, kAux) || s.last - from > 4) return false;
  std::uint32_t i = from + 1;
  if (i < s.last && lex.is(t.tokens[i].id, kNegator)) ++i;
  if (i >= s.last || !lex.is(t.tokens[i].id, kSubject)) return false;
  for (++i; i < s.last; ++i) {
    if (!lex.is(t.tokens[i].id, kFillerWord | kReportVerb) && t.tokens[i].id != rs.words().say) return false;
  }
  return true;
}

// The clause before `pos` opens with "if"/"when"... (skipping "um"-only clauses).
bool after_condition(const RuleSet& rs, const TokenizedText& t, const Sentence& s, std::uint32_t pos) {
  const Lexicon& lex = rs.lexicon();
  const KeyWords& k = rs.words();
  std::uint32_t j = pos;
  while (j > s.first) {
    std::uint32_t start = j - 1;
    while (start > s.first && !starts_clause(t.tokens[start])) --start;
    bool filler_only = true;
    for (std::uint32_t i = start; i < j; ++i)
      filler_only = filler_only && lex.is(t.tokens[i].id, kFillerWord | kAnchorSkip);
    if (!filler_only) {
      // "And if you can, ...": discourse words before the condition.
      while (start + 1 < j && lex.is(t.tokens[start].id, kAnchorSkip)) ++start;
      const WordId first = t.tokens[start].id;
      return first == k.if_ || first == k.when || first == k.once || first == k.whenever;
    }
    j = start;
  }
  return false;
}

}  // namespace

std::uint32_t sentence_head(const RuleSet& rs, const TokenizedText& t, const Sentence& s) {
  const Lexicon& lex = rs.lexicon();
  const KeyWords& k = rs.words();
  const auto& toks = t.tokens;
  std::uint32_t h = s.first;
  while (h < s.last) {
    // Discourse words and interjections before the head: "so", "ooh what...", "oh no, when...".
    if (lex.is(toks[h].id, kAnchorSkip) || (lex.is(toks[h].id, kFillerWord) && h + 1 < s.last)) {
      ++h;
      continue;
    }
    // "Hello, how are you": a greeting before the head.
    if (lex.is(toks[h].id, kGreetingWord) && h + 1 < s.last) {
      ++h;
      continue;
    }
    // Spoken asides that fill a whole clause: "I mean," "you know," "like,".
    const std::uint32_t end = clause_end(t, s, h);
    const WordId a = toks[h].id;
    const WordId b = h + 1 < end ? toks[h + 1].id : kNoWord;
    const bool aside =
        (end == h + 1 && a == k.like) ||
        (end == h + 2 && ((a == k.i && (b == k.mean || b == k.guess)) || (a == k.you && b == k.know)));
    if (!aside || end == s.last) break;
    h = end;
  }
  return h;
}

std::uint32_t clause_end(const TokenizedText& t, const Sentence& s, std::uint32_t pos) {
  std::uint32_t i = pos + 1;
  while (i < s.last && !starts_clause(t.tokens[i])) ++i;
  return i;
}

Shape sentence_shape(const RuleSet& rs, const TokenizedText& t, const Sentence& s) {
  const Lexicon& lex = rs.lexicon();
  const KeyWords& k = rs.words();
  const auto& toks = t.tokens;
  Shape shape;
  const std::uint32_t h = sentence_head(rs, t, s);
  if (h == s.last) return shape;
  shape.head = h;
  const WordId next = h + 1 < s.last ? toks[h + 1].id : kNoWord;
  if (s.terminator != '?') {
    // Typed questions often lose their mark; word order still says question.
    if (s.terminator == '!') return shape;
    // "..., what about you": a short closing clause turns the question back.
    std::uint32_t last_clause = h;
    for (std::uint32_t i = h + 1; i < s.last; ++i) {
      if (starts_clause(toks[i]) && !lex.is(toks[i].id, kAnchorSkip)) last_clause = i;
    }
    const bool back_to_you = last_clause + 3 >= s.last && last_clause + 1 < s.last &&
                             lex.is(toks[last_clause].id, kWh) &&
                             toks[last_clause + 1].id == rs.words().about;
    // "How long ago did your dad pass", "what kind of music do you like": the question word's
    // phrase, then the auxiliary before its subject. Not "what I'm hearing is that...": a subject
    // right after the question word makes a clause, not a question.
    auto wh_phrase_then_aux = [&] {
      for (std::uint32_t i = h + 1; i + 1 < s.last && i <= h + 4; ++i) {
        // "which part of it is...": a pronoun after "of" belongs to the question's phrase.
        const bool in_phrase = i > h + 1 && toks[i - 1].id == k.of;
        if (starts_clause(toks[i]) || (lex.is(toks[i].id, kSubject) && !in_phrase)) return false;
        // A verb right after the question word makes a clause: "what matters is that you're safe".
        if (i == h + 1 && (toks[i].flags & (kEndsS | kEndsEd)) != 0 && !lex.is(toks[i].id, kStopword | kAux))
          return false;
        if (i == h + 1) continue;
        // The auxiliary before its subject ("...do you like"), or after the phrase that is the
        // subject ("which part of it is stressing you").
        if (lex.is(toks[i].id, kAux) && !starts_clause(toks[i + 1]) &&
            (lex.is(toks[i + 1].id, kSubject) || (toks[i + 1].flags & kEndsIng) != 0))
          return true;
      }
      return false;
    };
    // "what happened when you told them", "what helps you get through it": the question word is
    // the subject. Not "what happened was awful", where a later "was" makes it a statement.
    auto wh_subject = [&] {
      if ((toks[h].id != k.what && toks[h].id != k.who) || h + 1 >= s.last) return false;
      const Token& v = toks[h + 1];
      const bool verb =
          lex.is(v.id, kPastVerb) || (v.flags & kEndsEd) != 0 ||
          ((v.flags & kEndsS) != 0 && !lex.is(v.id, kBe | kAux | kModal | kSubject | kStopword));
      if (!verb || starts_clause(toks[h + 1])) return false;
      // "who cares what they think" sets a clause after the verb; "what works for one may not work for
      // another" states, with a modal of its own (one in a later "when..." clause does not count).
      if (h + 2 < s.last && (starts_clause(toks[h + 2]) || toks[h + 2].id == k.what)) return false;
      for (std::uint32_t i = h + 2; i < s.last; ++i) {
        if (lex.is(toks[i].id, kSubordinator | kWh)) break;
        if (lex.is(toks[i].id, kBe | kModal)) return false;
      }
      return true;
    };
    // "is the exam tomorrow", "did the doctor give you anything": the auxiliary, then "the" and a
    // thing. A form of "be" before "the same" or "the best" more likely drops its "it" ("was the same
    // for me", "is the best thing you can do").
    const bool be_first =
        toks[h].id == k.is || toks[h].id == k.are || toks[h].id == k.was || toks[h].id == k.were;
    const bool aux_the =
        (be_first || toks[h].id == k.has || toks[h].id == k.did) && next == k.the && h + 2 < s.last &&
        (!be_first || (!lex.is(toks[h + 2].id, kStopword) && (toks[h + 2].flags & kEndsSt) == 0));
    if (lex.is(toks[h].id, kWh) && (lex.is(next, kAux) || wh_phrase_then_aux() || wh_subject())) {
      shape.question = QuestionShape::kWhStart;
    } else if (aux_the) {
      shape.question = QuestionShape::kAuxStart;
    } else if (back_to_you) {
      shape.question = QuestionShape::kWhStart;
      shape.evidence = last_clause;
      return shape;
    } else if (lex.is(toks[h].id, kAux) && lex.is(next, kSubject)) {
      shape.question = QuestionShape::kAuxStart;
    }
    shape.evidence = h;
    return shape;
  }
  // "When you drink, ...?": a time clause, not the question word.
  const bool subordinate =
      (toks[h].id == rs.words().when || toks[h].id == rs.words().whenever) && lex.is(next, kSubject);
  // "So what I hear you saying is that...?": a question word with its own subject names a thing,
  // and the mark only lifts the tone of a statement.
  const bool free_relative = toks[h].id == rs.words().what && lex.is(next, kFirstPerson) && h + 2 < s.last &&
                             !starts_clause(toks[h + 2]);
  if (lex.is(toks[h].id, kWh) && !subordinate && !free_relative) {
    shape.question = QuestionShape::kWhStart;
    shape.evidence = h;
    return shape;
  }
  if (lex.is(toks[h].id, kAux)) {
    shape.question = QuestionShape::kAuxStart;
    shape.evidence = h;
    return shape;
  }
  std::uint32_t last_clause = s.first;
  std::uint32_t aux_later = kNoToken;
  for (std::uint32_t i = h + 1; i < s.last; ++i) {
    if (starts_clause(toks[i])) last_clause = i;
    // "You feel sad, why?": a question word alone closing the sentence asks.
    if (i + 1 == s.last && starts_clause(toks[i]) && lex.is(toks[i].id, kWh) && i > h + 1) {
      shape.question = QuestionShape::kWhLater;
      shape.evidence = i;
      return shape;
    }
    if (!is_clause_head(lex, toks[i]) || i + 1 >= s.last || starts_clause(toks[i + 1])) continue;
    if (lex.is(toks[i].id, kWh)) {
      shape.question = QuestionShape::kWhLater;
      shape.evidence = i;
      return shape;
    }
    if (aux_later == kNoToken && lex.is(toks[i].id, kAux) && lex.is(toks[i + 1].id, kSubject)) aux_later = i;
  }
  // An auxiliary heading the last clause asks too ("I'm sorry, have you told her?") unless that
  // clause is a tag checking what came before ("..., don't you?").
  if (aux_later != kNoToken && (aux_later != last_clause || !is_tag_clause(rs, t, s, last_clause))) {
    shape.question = QuestionShape::kAuxLater;
    shape.evidence = aux_later;
    return shape;
  }
  if (is_tag_clause(rs, t, s, last_clause)) {
    shape.question = QuestionShape::kTag;
    shape.evidence = h;
    return shape;
  }
  shape.question = QuestionShape::kRising;
  shape.evidence = h;
  return shape;
}

std::uint32_t imperative_verb(const RuleSet& rs, const TokenizedText& t, const Sentence& s) {
  const Lexicon& lex = rs.lexicon();
  const KeyWords& k = rs.words();
  const auto& toks = t.tokens;
  // Only the sentence's first clause, or the one after a condition ("If you can, call
  // him"): a verb heading a later clause is usually a list item or a quote.
  const std::uint32_t head = sentence_head(rs, t, s);
  for (std::uint32_t i = head; i < s.last; ++i) {
    if (!is_clause_head(lex, toks[i]) || !lex.is(toks[i].id, kActionVerb)) continue;
    if (i != head && !after_condition(rs, t, s, i)) continue;
    if (i + 1 >= s.last || starts_clause(toks[i + 1])) continue;  // "Look, ..." "See?"
    const WordId next = toks[i + 1].id;
    // "Tell me", "let us see": requests to the helper, not directives. A verb
    // followed by "is"/"can" is a noun: "Sleep is important".
    if (next == k.me || next == k.us || lex.is(next, kBe | kModal | kAux)) continue;
    if (next == k.you && toks[i].id != k.let) continue;  // "See you", "Thank you"
    return i;
  }
  return kNoToken;
}

std::uint32_t second_person_statement(const RuleSet& rs, const TokenizedText& t, const Sentence& s) {
  const Lexicon& lex = rs.lexicon();
  const KeyWords& k = rs.words();
  const auto& toks = t.tokens;
  for (std::uint32_t i = s.first; i < s.last; ++i) {
    if (!is_clause_head(lex, toks[i])) continue;
    const WordId id = toks[i].id;
    if (id != k.you && id != k.your && id != k.yourself) continue;
    if (i + 1 >= s.last || starts_clause(toks[i + 1])) continue;
    const WordId next = toks[i + 1].id;
    if (id == k.you && next == k.know && (i + 2 >= s.last || starts_clause(toks[i + 2])))
      continue;  // "you know,"
    if (id == k.you && lex.is(next, kModal)) {
      // "You could call..." directs; "you might be feeling..." and "you'd rather..." reflect.
      const WordId after = i + 2 < s.last ? toks[i + 2].id : kNoWord;
      const bool reflective = after == k.be || after == k.feel || after == k.like || after == k.rather ||
                              after == k.have || after == k.really;
      if (!reflective) continue;
    }
    return i;
  }
  return kNoToken;
}

std::uint32_t feeling_fragment(const RuleSet& rs, const TokenizedText& t, const Sentence& s) {
  const Lexicon& lex = rs.lexicon();
  if (s.last - s.first > 5) return kNoToken;
  std::uint32_t h = s.first;
  while (h < s.last && lex.is(t.tokens[h].id, kAnchorSkip | kIntensifier)) ++h;
  if (h == s.last || !lex.is(t.tokens[h].id, kFeeling | kEvaluative)) return kNoToken;
  for (std::uint32_t i = s.first; i < s.last; ++i) {
    if (lex.is(t.tokens[i].id, kFirstPerson | kAux)) return kNoToken;
  }
  return h;
}

bool only_fillers(const RuleSet& rs, const TokenizedText& t, const Sentence& s) {
  const Lexicon& lex = rs.lexicon();
  for (std::uint32_t i = s.first; i < s.last; ++i) {
    if (!lex.is(t.tokens[i].id, kFillerWord | kAnchorSkip)) return false;
  }
  return true;
}

bool has_first_person(const RuleSet& rs, const TokenizedText& t, const Sentence& s) {
  for (std::uint32_t i = s.first; i < s.last; ++i) {
    if (rs.lexicon().is(t.tokens[i].id, kFirstPerson)) return true;
  }
  return false;
}

bool has_speaker_self(const RuleSet& rs, const TokenizedText& t, const Sentence& s) {
  const KeyWords& k = rs.words();
  for (std::uint32_t i = s.first; i < s.last; ++i) {
    const WordId id = t.tokens[i].id;
    if (id == k.i || id == k.me || id == k.my) return true;
  }
  return false;
}

bool has_proposal_word(const RuleSet& rs, const TokenizedText& t, const Sentence& s, std::uint32_t from) {
  for (std::uint32_t i = from; i < s.last; ++i) {
    if (rs.lexicon().is(t.tokens[i].id, kProposal)) return true;
  }
  return false;
}

bool has_modal(const RuleSet& rs, const TokenizedText& t, const Sentence& s) {
  for (std::uint32_t i = s.first; i < s.last; ++i) {
    if (rs.lexicon().is(t.tokens[i].id, kModal)) return true;
  }
  return false;
}

bool has_second_person(const RuleSet& rs, const TokenizedText& t, const Sentence& s) {
  for (std::uint32_t i = s.first; i < s.last; ++i) {
    if (rs.lexicon().is(t.tokens[i].id, kSecondPerson)) return true;
  }
  return false;
}

}  // namespace attune::scoring::detail
