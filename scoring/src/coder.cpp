// code_utterance: tokens -> phrase hits -> per-sentence decisions -> MITI caps ->
// primary code. The rule tables live in coder_rules_*.cpp; this file decides how
// hits and sentence shapes combine.
#include "attune/scoring/coder.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "coder_complexity.h"
#include "coder_ruleset.h"
#include "coder_shape.h"
#include "coder_tokenizer.h"

namespace attune::scoring {
namespace {

using detail::ClientWords;
using detail::Hit;
using detail::kNoToken;
using detail::kNoWord;
using detail::QuestionShape;
using detail::Role;
using detail::RuleSet;
using detail::RuleSpec;
using detail::Sentence;
using detail::TokenizedText;
using detail::WordId;

struct Candidate {
  Code code{};
  std::uint32_t begin = 0;  // bytes
  std::uint32_t end = 0;
  std::string_view rule;
  std::string_view rule_suffix;  // reflections: how complexity was judged
  float confidence = 1.0f;
  std::uint32_t sentence = 0;
};

// The stems of client lines read lately: a conversation's next reply usually answers a line the
// last one saw too, so its words need not be read again.
class ClientLineCache {
 public:
  // The stems of `line`, or nullptr if it was not read lately.
  const std::vector<std::uint32_t>* find(std::string_view line) const {
    for (const Entry& e : entries_) {
      if (e.used && e.line == line) return &e.stems;
    }
    return nullptr;
  }
  // A slot for `line`'s stems, replacing the line read longest ago.
  std::vector<std::uint32_t>& store(std::string_view line) {
    Entry& e = entries_[next_];
    next_ = (next_ + 1) % entries_.size();
    e.used = true;
    e.line.assign(line);
    e.stems.clear();
    return e.stems;
  }

 private:
  struct Entry {
    bool used = false;
    std::string line;
    std::vector<std::uint32_t> stems;
  };
  std::array<Entry, 4> entries_{};
  std::size_t next_ = 0;
};

// Reused per thread so a warm coder allocates only for its result.
struct Scratch {
  TokenizedText text;
  TokenizedText client_text;
  ClientLineCache client_lines;
  std::vector<Hit> hits;
  ClientWords client;
  std::vector<Candidate> candidates;
  std::vector<Candidate> kept;
  std::vector<Hit> summary_cues;
};

// A statement sharing this much of the client's content words repeats them.
constexpr double kEchoOverlap = 0.3;
// A statement with a question mark needs more of the client's words to read as a reflection.
constexpr double kRisingEchoOverlap = 0.5;
// Longer statements that are not about the client read as information, not a fragment.
constexpr std::uint32_t kMaxFragmentTokens = 6;
constexpr std::uint32_t kMinInfoTokens = 8;
// "So ..." carrying the client's story on needs a few words to say anything.
constexpr std::uint32_t kMinContinuationTokens = 3;
// A reflection this long, joining this many things with "and"/"also", summarises.
constexpr std::uint32_t kMinSummaryTokens = 25;
constexpr std::uint32_t kMinSummaryJoins = 2;
static_assert(kCodeCount <= 32, "pick_primary passes codes over in a 32-bit mask");
constexpr std::uint32_t code_bit(Code code) {
  return 1u << static_cast<unsigned>(code);
}
// Advice evidence below this is a weak cue (bare imperative, "you can ...").
constexpr float kFirmAdvice = 0.8f;
// Reflections read from sentence shape alone (no stem) are at or below this confidence,
// and the weakest of them (about the client, echo, fragment) at or below the second.
constexpr float kShapeReflection = 0.6f;
constexpr float kWeakReflection = 0.5f;
// Codes found by a phrase (not by sentence shape) carry at least this confidence.
constexpr float kPhraseEvidence = 0.7f;

bool one_of(Code c, std::initializer_list<Code> codes) {
  return std::find(codes.begin(), codes.end(), c) != codes.end();
}

// A question phrased to advise, diagnose, promise, check safety or ask
// permission is that behaviour, not a question (it would otherwise count twice).
bool cancels_question(Code c) {
  return one_of(
      c, {Code::advice, Code::seek_permission, Code::safety_check, Code::diagnosis, Code::dual_relationship,
          Code::secrecy_promise, Code::judgment, Code::referral, Code::reassurance});
}
// "It sounds like you should call" is advice: the directive outranks the stem.
bool cancels_stem(Code c) {
  return one_of(c, {Code::advice, Code::diagnosis, Code::judgment, Code::reassurance, Code::dual_relationship,
                    Code::secrecy_promise, Code::seek_permission});
}
// A stem-less "you ..." sentence is a reflection only when no phrase already says what it does.
bool cancels_plain_reflection(Code c) {
  return cancels_stem(c) || one_of(c, {Code::affirmation, Code::emphasize_autonomy, Code::self_disclosure,
                                       Code::information, Code::filler, Code::safety_check, Code::referral});
}

class UtteranceCoder {
 public:
  UtteranceCoder(const RuleSet& rs, Scratch& sc, std::string_view text) : rs_(rs), sc_(sc), text_(text) {}

  Coding run(std::span<const std::string> context);

 private:
  const Sentence& sentence(std::uint32_t i) const { return sc_.text.sentences[i]; }
  std::uint32_t tok_begin(std::uint32_t i) const { return sc_.text.tokens[i].begin; }
  std::uint32_t tok_end(std::uint32_t i) const { return sc_.text.tokens[i].end; }
  void add(Code code, std::uint32_t begin, std::uint32_t end, std::string_view rule, float confidence,
           std::uint32_t sentence, std::string_view suffix = {}) {
    sc_.candidates.push_back(Candidate{code, begin, end, rule, suffix, confidence, sentence});
  }
  void read_client(std::span<const std::string> context);
  struct SentenceFacts {
    bool question, any_emit, no_stem, no_plain;
  };
  struct ReflectionPick {
    std::uint32_t from = kNoToken;
    std::string_view rule;
    float confidence = 0.0f;
    bool stem_complex = false;
  };
  ReflectionPick find_reflection(const Sentence& s, const Hit* stem, const SentenceFacts& f) const;
  void code_sentence(std::uint32_t si, std::size_t hit_begin, std::size_t hit_end);
  // The helper's own story in a sentence: tokens [from, end), or from == kNoToken.
  struct Story {
    std::uint32_t from = kNoToken;
    std::uint32_t end = 0;
  };
  // Hits [hit_begin, hit_end) are the sentence's: a story cannot start inside talk about the
  // conversation ("I was wondering", "I didn't catch that").
  // `people_only`: only a story about the helper's own people ("my sister lives..."), which tells
  // of the helper's life even in a sentence that also reflects, affirms or advises.
  Story own_narrative(const Sentence& s, std::size_t hit_begin, std::size_t hit_end,
                      bool people_only = false) const;
  bool story_starts_at(const Sentence& s, std::uint32_t i) const;
  // "my" at `i` names one of the helper's own people or pets: "my sister", "my dog".
  bool names_own_person(const Sentence& s, std::uint32_t i) const;
  // Where the helper's story that starts at `from` ends: before the clause that turns to the client.
  std::uint32_t story_end(const Sentence& s, std::uint32_t from) const;
  bool turns_to_client(const Sentence& s, std::uint32_t m) const;
  std::uint32_t so_continuation(const Sentence& s) const;
  // The sentence carries a smiley or a laugh (":)", "lol"): the helper's own tone, like "!".
  bool smiles(const Sentence& s) const;
  // The sentence shares enough of the client's content words to give them back.
  bool echoes_client(const Sentence& s) const;
  bool ends_ly(std::uint32_t i) const;
  void add_summaries();
  void apply_caps();
  // The main behaviour among the codes not in `passed_over` (a bit per Code).
  Code pick_primary(std::uint32_t passed_over = 0) const;
  void count_sentence_kinds();
  // Before the caps: how many sentences read as plain statements of fact, and how
  // many as reflections found only from sentence shape.
  std::uint32_t info_sentences_ = 0;
  std::uint32_t shape_reflection_sentences_ = 0;

  const RuleSet& rs_;
  Scratch& sc_;
  std::string_view text_;
};

void UtteranceCoder::read_client(std::span<const std::string> context) {
  auto& stems = sc_.client.stems;
  stems.clear();
  for (const std::string& line : context) {
    if (const std::vector<std::uint32_t>* known = sc_.client_lines.find(line); known != nullptr) {
      stems.insert(stems.end(), known->begin(), known->end());
      continue;
    }
    detail::tokenize(line, rs_.lexicon(), sc_.client_text);
    std::vector<std::uint32_t>& line_stems = sc_.client_lines.store(line);
    for (const detail::Token& tok : sc_.client_text.tokens) {
      if ((tok.flags & detail::kContent) != 0 || rs_.lexicon().is(tok.id, detail::kFeeling)) {
        line_stems.push_back(tok.stem);
      }
    }
    stems.insert(stems.end(), line_stems.begin(), line_stems.end());
  }
  std::sort(stems.begin(), stems.end());
  stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
}

UtteranceCoder::ReflectionPick UtteranceCoder::find_reflection(const Sentence& s, const Hit* stem,
                                                               const SentenceFacts& f) const {
  const TokenizedText& t = sc_.text;
  if (stem != nullptr && !f.no_stem) {
    const RuleSpec& spec = rs_.rule(stem->rule);
    return {stem->first, spec.id, spec.confidence, spec.code == Code::complex_reflection};
  }
  if (f.no_stem || f.no_plain) return {};
  // An exclaimed or smiling statement voices the helper's own reaction (cheer, praise, surprise)
  // unless it gives the client's own words back ("Your sister stopped calling!").
  if ((s.terminator == '!' || smiles(s)) && !echoes_client(s)) return {};
  // "You will get through this" foretells; a reflection gives back what the client said or feels.
  for (std::uint32_t i = s.first; i + 1 < s.last && i <= s.first + 2; ++i) {
    if (t.tokens[i].id == rs_.words().you && t.tokens[i + 1].id == rs_.words().will) return {};
  }
  if (const std::uint32_t from = detail::second_person_statement(rs_, t, s); from != kNoToken) {
    return {from, "reflection.second_person", 0.6f, false};
  }
  if (const std::uint32_t from = detail::feeling_fragment(rs_, t, s); from != kNoToken) {
    return {from, "reflection.feeling_fragment", 0.55f, false};
  }
  if (f.question || f.any_emit || detail::has_first_person(rs_, t, s)) return {};
  // Mentioning the client mirrors them only without the words of proposing or
  // generalising: "a walk can help you unwind" advises, it does not reflect.
  if (detail::has_second_person(rs_, t, s) && !detail::has_proposal_word(rs_, t, s, s.first)) {
    // "Asking for help feels like failing to you": about the client, though not led by "you".
    return {s.first, "reflection.about_client", 0.5f, false};
  }
  if (detail::only_fillers(rs_, t, s)) return {};
  // "So the move, and the money worries." A statement picked up with "so" and not
  // about the helper carries the client's story on.
  if (const std::uint32_t from = so_continuation(s); from != kNoToken) {
    return {from, "reflection.so_continuation", 0.5f, false};
  }
  if (sc_.client.empty()) return {};
  // "College will help." reuses the client's word to predict, not to give their words back.
  if (detail::has_modal(rs_, t, s) && !detail::has_second_person(rs_, t, s)) return {};
  if (echoes_client(s)) {
    return {s.first, "reflection.echo", 0.5f, false};
  }
  bool last_said = true;  // nothing but acknowledgements follows this sentence
  for (const Sentence* next = &s + 1; next < t.sentences.data() + t.sentences.size() && last_said; ++next) {
    last_said = detail::only_fillers(rs_, t, *next);
  }
  if (s.last - s.first <= kMaxFragmentTokens && last_said) {
    // A bare phrase answering the client ("Two months behind.") gives their words back;
    // only at the end of the turn: a short opener ("Oh wow!") before more is an interjection.
    return {s.first, "reflection.fragment", 0.35f, false};
  }
  return {};
}

// The sentence opens with "so" (after other discourse words), then a statement of
// at least kMinContinuationTokens words that is not an instruction or a question.
std::uint32_t UtteranceCoder::so_continuation(const Sentence& s) const {
  const TokenizedText& t = sc_.text;
  const detail::Lexicon& lex = rs_.lexicon();
  const auto& k = rs_.words();
  std::uint32_t i = s.first;
  bool so = false;
  while (i < s.last && lex.is(t.tokens[i].id, detail::kAnchorSkip | detail::kFillerWord)) {
    so = so || t.tokens[i].id == k.so;
    ++i;
  }
  if (!so || s.last - i < kMinContinuationTokens || s.terminator == '?') return kNoToken;
  if (lex.is(t.tokens[i].id, detail::kAux | detail::kWh | detail::kActionVerb)) return kNoToken;
  if (lex.is(t.tokens[i].id, detail::kGreetingWord)) return kNoToken;
  return i;
}

bool UtteranceCoder::echoes_client(const Sentence& s) const {
  if (sc_.client.empty()) return false;
  std::uint32_t n = 0;
  return detail::client_overlap(sc_.text, s.first, s.last, sc_.client, n) >= kEchoOverlap && n >= 2;
}

bool UtteranceCoder::smiles(const Sentence& s) const {
  const TokenizedText& t = sc_.text;
  const auto& k = rs_.words();
  for (std::uint32_t i = s.first; i < s.last; ++i) {
    const WordId id = t.tokens[i].id;
    if (id == k.lol || id == k.haha || id == k.hahaha || id == k.hehe || id == k.lmao) return true;
  }
  // Faces are not words: look in the bytes up to the next sentence's first word.
  const std::size_t next =
      &s + 1 < t.sentences.data() + t.sentences.size() ? tok_begin((&s + 1)->first) : text_.size();
  for (std::size_t i = tok_begin(s.first); i + 1 < next; ++i) {
    const char c = text_[i];
    if (c != ':' && c != ';' && c != '(') continue;
    const std::size_t at = text_[i + 1] == '-' && i + 2 < next ? i + 2 : i + 1;
    const char mouth = text_[at];
    // A letter is a mouth only on its own: ":P" but not "Dad:Paul".
    const bool alone = at + 1 >= text_.size() || std::isalnum(static_cast<unsigned char>(text_[at + 1])) == 0;
    if (c == '(' ? mouth == ':' : (mouth == ')' || ((mouth == 'D' || mouth == 'P' || mouth == 'p') && alone)))
      return true;
  }
  return false;
}

bool UtteranceCoder::ends_ly(std::uint32_t i) const {
  const detail::Token& tok = sc_.text.tokens[i];
  if (tok.end - tok.begin < 5) return false;
  return (text_[tok.end - 2] | 0x20) == 'l' && (text_[tok.end - 1] | 0x20) == 'y';
}

bool UtteranceCoder::turns_to_client(const Sentence& s, std::uint32_t m) const {
  const auto& k = rs_.words();
  const detail::Token& tok = sc_.text.tokens[m];
  if ((tok.flags & detail::kClauseStart) != 0) return true;
  // A conjunction before a new subject ("so I know how you feel"), not "so hard" or "because of".
  if (tok.id != k.so && tok.id != k.but && tok.id != k.because) return false;
  return m + 1 < s.last && rs_.lexicon().is(sc_.text.tokens[m + 1].id, detail::kSubject);
}

std::uint32_t UtteranceCoder::story_end(const Sentence& s, std::uint32_t from) const {
  const TokenizedText& t = sc_.text;
  std::uint32_t clause = from;
  for (std::uint32_t m = from + 1; m < s.last; ++m) {
    if (turns_to_client(s, m)) clause = m;
    if (rs_.lexicon().is(t.tokens[m].id, detail::kSecondPerson)) return clause;
  }
  return s.last;
}

bool UtteranceCoder::names_own_person(const Sentence& s, std::uint32_t i) const {
  const TokenizedText& t = sc_.text;
  return t.tokens[i].id == rs_.words().my && i + 1 < s.last &&
         rs_.lexicon().is(t.tokens[i + 1].id, detail::kRelative);
}

// Whether the helper's own story starts at anchor `i`: "I lost...", "I have been...", "I often...",
// "my sister was...". Where it ends is story_end's to say.
bool UtteranceCoder::story_starts_at(const Sentence& s, std::uint32_t i) const {
  const TokenizedText& t = sc_.text;
  const detail::Lexicon& lex = rs_.lexicon();
  const auto& k = rs_.words();
  if (t.tokens[i].id == k.i) {
    // "I also", "I once", "I recently": skip up to two adverbs.
    auto adverb = [&](std::uint32_t j) {
      const WordId id = t.tokens[j].id;
      return lex.is(id, detail::kHedge | detail::kIntensifier | detail::kHabitual) || id == k.once ||
             id == k.always || id == k.still || id == k.even || (id == kNoWord && ends_ly(j));
    };
    std::uint32_t j = i + 1;
    bool habitual = false;  // "I often...", "I also...": the helper's own ways
    for (int skipped = 0; skipped < 2 && j + 1 < s.last && adverb(j); ++skipped) {
      habitual = habitual || lex.is(t.tokens[j].id, detail::kHabitual);
      ++j;
    }
    if (j >= s.last) return false;
    // "I did lose a ring once", "I sometimes do yoga": "do" stresses the verb after it.
    const bool did = t.tokens[j].id == k.did;
    if ((did || (habitual && t.tokens[j].id == k.do_)) && j + 1 < s.last &&
        (t.tokens[j + 1].flags & detail::kClauseStart) == 0) {
      ++j;
      if (lex.is(t.tokens[j].id, detail::kNegator) && j + 1 < s.last) ++j;
    }
    const WordId v = t.tokens[j].id;
    // Not "I did say that": the conversation itself, not the helper's life.
    const bool about_talk = v == k.say || v == k.tell || v == k.ask || v == k.mention || v == k.mean ||
                            v == k.hear || v == k.read || v == k.understand || v == k.catch_ ||
                            v == k.follow || v == k.notice || v == k.see || v == k.miss;
    if (did && !about_talk && !lex.is(v, detail::kReportVerb | detail::kBe | detail::kModal | detail::kAux)) {
      return true;
    }
    // "I think", "I hoped": a stance, not a story ("I felt" tells one, and so does "I often feel").
    // A stance or a reply may still lead into a story later in the sentence: "I hear you, I lost mine too".
    if (lex.is(v, detail::kReportVerb) && v != k.felt) return habitual && v == k.feel;
    // "I have been", "I have also struggled", "I had to": perfect and past forms.
    if (v == k.have) {
      std::uint32_t p = j + 1;
      for (int skipped = 0; skipped < 2 && p + 1 < s.last && adverb(p); ++skipped) ++p;
      return p < s.last && (lex.is(t.tokens[p].id, detail::kPastVerb) ||
                            (t.tokens[p].flags & detail::kEndsEd) != 0 || t.tokens[p].id == k.been);
    }
    if (lex.is(v, detail::kPastVerb) || (t.tokens[j].flags & detail::kEndsEd) != 0) return true;
    // "I find it hard sometimes too", "I usually take a walk": a present habit of the
    // helper's own, marked as one; a bare present ("I get it", "I see") is a reply.
    if (lex.is(v, detail::kBe | detail::kModal | detail::kAux)) return false;
    for (std::uint32_t m = j + 1; m < s.last && !habitual; ++m) {
      const WordId w = t.tokens[m].id;
      habitual = w != k.also && lex.is(w, detail::kHabitual);
    }
    return habitual;
  }
  if (t.tokens[i].id == k.my) {
    if (names_own_person(s, i)) {
      // The helper's own people, named anywhere in the helper's clause ("my sister lives far away",
      // "I call my parents weekly", "it hit my family too"), unless imagined: "I would ask my sister".
      for (std::uint32_t j = i; j > s.first && (t.tokens[j].flags & detail::kClauseStart) == 0; --j) {
        if (lex.is(t.tokens[j - 1].id, detail::kModal)) return false;
      }
      return true;
    }
    // "My job was...", "my health has...": the helper's own life, with a verb.
    for (std::uint32_t j = i + 1; j < s.last && j <= i + 3; ++j) {
      const WordId v = t.tokens[j].id;
      if ((t.tokens[j].flags & detail::kClauseStart) != 0) break;
      if (lex.is(v, detail::kBe | detail::kPastVerb) || v == k.have ||
          (t.tokens[j].flags & detail::kEndsEd) != 0)
        return j > i + 1;
    }
  }
  return false;
}

// The helper telling their own story, without turning to the client in the same clause: "I moved out at
// nineteen", "My brother had the same thing".
UtteranceCoder::Story UtteranceCoder::own_narrative(const Sentence& s, std::size_t hit_begin,
                                                    std::size_t hit_end, bool people_only) const {
  const TokenizedText& t = sc_.text;
  if (s.terminator == '?') return {};
  auto about_the_talk = [&](std::uint32_t i) {
    for (std::size_t h = hit_begin; h < hit_end; ++h) {
      const Hit& hit = sc_.hits[h];
      const RuleSpec& spec = rs_.rule(hit.rule);
      if (spec.role == Role::kVeto && spec.code == Code::self_disclosure && hit.first <= i && i < hit.last)
        return true;
    }
    return false;
  };
  for (std::uint32_t i = s.first; i + 1 < s.last; ++i) {
    // The helper's people may come up mid-clause: "I understand, as my father is the same way".
    const bool people = names_own_person(s, i);
    const bool anchor = (t.tokens[i].flags & detail::kAnchor) != 0 || people;
    if (!anchor || (people_only && !people) || about_the_talk(i) || !story_starts_at(s, i)) continue;
    // "You" in the helper's own clause makes it about the client ("I felt you were upset"); in the
    // clause that follows it, the story is told and then related ("I lost my job too, so I get how you
    // feel").
    if (const std::uint32_t end = story_end(s, i); end != i) return {i, end};
  }
  return {};
}

void UtteranceCoder::code_sentence(std::uint32_t si, std::size_t hit_begin, std::size_t hit_end) {
  const Sentence& s = sentence(si);
  const TokenizedText& t = sc_.text;
  bool no_question = false;
  bool no_stem = false;
  bool no_plain = false;
  bool advice = false;
  bool any_emit = false;
  bool any_other_emit = false;  // anything but filler: a phrase already says what the sentence does
  bool disclosed = false;       // a phrase has found the helper's own experience
  bool marker = false;
  bool no_imperative = false;
  bool courtesy = false;  // the whole sentence is a formula ("Talk to you later."), not an instruction
  const Hit* open_cue = nullptr;
  const Hit* closed_cue = nullptr;
  const Hit* stem = nullptr;
  for (std::size_t h = hit_begin; h < hit_end; ++h) {
    const Hit& hit = sc_.hits[h];
    const RuleSpec& spec = rs_.rule(hit.rule);
    if (spec.role == Role::kStem) {
      if (stem == nullptr) stem = &hit;
      continue;
    }
    if (spec.role == Role::kMarker) marker = true;
    // "Go on", "take care": a phrase has already said this verb is not a directive.
    if ((spec.role == Role::kVeto && spec.code == Code::advice) || (spec.flags & detail::kVetoAdvice) != 0) {
      no_imperative = true;
    }
    if (spec.role != Role::kEmit) continue;
    any_emit = true;
    any_other_emit = any_other_emit || spec.code != Code::filler;
    disclosed = disclosed || spec.code == Code::self_disclosure;
    if (spec.code == Code::open_question) {
      if (open_cue == nullptr) open_cue = &hit;
      continue;
    }
    if (spec.code == Code::closed_question) {
      if (closed_cue == nullptr) closed_cue = &hit;
      continue;
    }
    if (spec.code == Code::summary) {
      sc_.summary_cues.push_back(hit);
      no_plain = true;
      continue;
    }
    add(spec.code, tok_begin(hit.first), tok_end(hit.last - 1), spec.id, spec.confidence, si);
    const bool whole_filler = spec.code == Code::filler && (spec.flags & detail::kWholeSentence) != 0;
    courtesy = courtesy || whole_filler;
    no_question = no_question || cancels_question(spec.code) || whole_filler;
    no_stem = no_stem || cancels_stem(spec.code) || whole_filler;
    no_plain =
        no_plain || (cancels_plain_reflection(spec.code) && (spec.flags & detail::kKeepsReflection) == 0);
    advice = advice || spec.code == Code::advice;
  }

  const detail::Shape shape = detail::sentence_shape(rs_, t, s);
  const bool rising = shape.question == QuestionShape::kRising;
  bool question = shape.question != QuestionShape::kNone || open_cue != nullptr || closed_cue != nullptr;

  // Reflections: a stem, else a statement about the client, else the client's words given back.
  const bool cue_only =
      closed_cue != nullptr && open_cue == nullptr && shape.question == QuestionShape::kNone;
  bool reflected = false;
  // A statement with a question mark is usually heard as a question, unless a
  // reflection stem ("It sounds like...?") says otherwise.
  bool stem_rising = rising && stem != nullptr && open_cue == nullptr;
  // A statement giving the client's own words back with a rising tone ("Your sister
  // stopped calling?") checks understanding: a reflection, as MITI codes it.
  if (rising && !stem_rising && !any_other_emit && !sc_.client.empty()) {
    std::uint32_t n = 0;
    stem_rising = detail::client_overlap(t, s.first, s.last, sc_.client, n) >= kRisingEchoOverlap && n >= 2;
  }
  // "You'd rather stay, right?": a statement with a tag checks a reflection, and so does one
  // closing on a check of understanding ("..., have I got that right?").
  const bool checked = closed_cue != nullptr && open_cue == nullptr && closed_cue->first > s.first &&
                       rs_.rule(closed_cue->rule).id == "question.closed.check";
  const bool tagged = (shape.question == QuestionShape::kTag && open_cue == nullptr) || checked;
  stem_rising = stem_rising || tagged;
  // A turn that opens on a dash picks up a sentence cut off earlier ("-talk to them at the same time,
  // you said"): its first word continues that sentence, so it does not head an instruction.
  const bool continues = si == 0 && text_.substr(0, tok_begin(s.first)).find('-') != std::string_view::npos;
  // An instruction is not a mirror: "Talk to your boss" mentions the client but reflects nothing.
  const bool may_instruct = !question && !advice && !any_other_emit && !no_imperative && !courtesy &&
                            !continues && open_cue == nullptr;
  const std::uint32_t imperative = may_instruct ? detail::imperative_verb(rs_, t, s) : kNoToken;
  if (!question || stem_rising || cue_only) {
    SentenceFacts facts{question && !stem_rising, any_emit, no_stem, no_plain || imperative != kNoToken};
    const ReflectionPick pick = find_reflection(s, stem, facts);
    if (pick.from != kNoToken) {
      const detail::Judgement j =
          detail::judge_reflection(rs_, t, pick.from, s.last, pick.stem_complex, marker, sc_.client);
      const std::uint32_t end = rising || tagged ? s.end_byte : tok_end(s.last - 1);
      add(j.complex ? Code::complex_reflection : Code::simple_reflection, tok_begin(pick.from), end,
          pick.rule, pick.confidence, si, j.reason);
      reflected = true;
      if (stem_rising || cue_only) question = false;
    }
  }

  if (question && !no_question) {
    const std::uint32_t end = s.end_byte;
    if (open_cue != nullptr) {
      const RuleSpec& spec = rs_.rule(open_cue->rule);
      add(Code::open_question, tok_begin(open_cue->first), end, spec.id, spec.confidence, si);
    } else if (shape.question == QuestionShape::kWhStart) {
      add(Code::open_question, tok_begin(shape.evidence), end, "question.open.wh_start", 0.9f, si);
    } else if (shape.question == QuestionShape::kWhLater) {
      add(Code::open_question, tok_begin(shape.evidence), end, "question.open.wh_clause", 0.75f, si);
    } else if (closed_cue != nullptr) {
      const RuleSpec& spec = rs_.rule(closed_cue->rule);
      add(Code::closed_question, tok_begin(closed_cue->first), end, spec.id, spec.confidence, si);
    } else if (shape.question == QuestionShape::kAuxStart || shape.question == QuestionShape::kAuxLater) {
      add(Code::closed_question, tok_begin(shape.evidence), end, "question.closed.aux_start", 0.85f, si);
    } else if (shape.question == QuestionShape::kTag) {
      add(Code::closed_question, tok_begin(shape.evidence), end, "question.closed.tag", 0.75f, si);
    } else if (rising) {
      add(Code::closed_question, tok_begin(shape.evidence), end, "question.closed.rising", 0.6f, si);
    }
  }

  bool advised = false;
  if (imperative != kNoToken) {
    const std::uint32_t last = detail::clause_end(t, s, imperative) - 1;
    add(Code::advice, tok_begin(imperative), tok_end(last), "advice.imperative", 0.75f, si);
    advised = true;
  }

  if (!question && !any_other_emit && !reflected && !advised) {
    if (const Story story = own_narrative(s, hit_begin, hit_end); story.from != kNoToken) {
      add(Code::self_disclosure, tok_begin(story.from), tok_end(story.end - 1), "disclosure.own_narrative",
          0.5f, si);
      return;
    }
  } else if (!question && !disclosed) {
    if (const Story story = own_narrative(s, hit_begin, hit_end, true); story.from != kNoToken) {
      add(Code::self_disclosure, tok_begin(story.from), tok_end(story.end - 1), "disclosure.own_people", 0.5f,
          si);
    }
  }

  if (!any_emit && detail::only_fillers(rs_, t, s)) {
    add(Code::filler, tok_begin(s.first), s.end_byte, "filler.acknowledgement", 0.8f, si);
  } else if (!question && !any_emit && !reflected && !advised && s.last - s.first >= kMinInfoTokens &&
             !detail::has_speaker_self(rs_, t, s)) {
    // A longer statement about the world, not the client or the helper: information.
    add(Code::information, tok_begin(s.first), tok_end(s.last - 1), "information.statement", 0.4f, si);
  }
}

void UtteranceCoder::add_summaries() {
  const TokenizedText& t = sc_.text;
  const auto& k = rs_.words();
  auto is_join = [&](const detail::Token& tok) { return tok.id == k.and_ || tok.id == k.also; };
  // Summaries run from the cue to the last statement before a question.
  auto run_end = [&](std::uint32_t si) {
    std::uint32_t last = si;
    while (last + 1 < t.sentences.size() && t.sentences[last + 1].terminator != '?') ++last;
    return last;
  };
  for (const Hit& cue : sc_.summary_cues) {
    const RuleSpec& spec = rs_.rule(cue.rule);
    const std::uint32_t last_sentence = run_end(cue.sentence);
    const std::uint32_t last_token = t.sentences[last_sentence].last - 1;
    if ((spec.flags & detail::kNeedsJoin) != 0) {
      bool joined = false;
      for (std::uint32_t i = cue.last; i <= last_token && !joined; ++i) joined = is_join(t.tokens[i]);
      if (!joined) continue;
    }
    add(Code::summary, tok_begin(cue.first), tok_end(last_token), spec.id, spec.confidence, cue.sentence);
    return;
  }
  // A long reflection that gathers several things, introduced by "so".
  const auto first_reflection = std::find_if(sc_.candidates.begin(), sc_.candidates.end(),
                                             [](const Candidate& c) { return is_reflection(c.code); });
  if (first_reflection == sc_.candidates.end()) return;
  const std::uint32_t si = first_reflection->sentence;
  const Sentence& s = t.sentences[si];
  bool introduced = false;
  for (std::uint32_t i = s.first; i < s.last && i < s.first + 3; ++i) introduced |= t.tokens[i].id == k.so;
  const std::uint32_t last_token = t.sentences[run_end(si)].last - 1;
  std::uint32_t joins = 0;
  for (std::uint32_t i = s.first; i <= last_token; ++i) joins += is_join(t.tokens[i]) ? 1 : 0;
  if (introduced && last_token + 1 - s.first >= kMinSummaryTokens && joins >= kMinSummaryJoins) {
    add(Code::summary, tok_begin(s.first), tok_end(last_token), "summary.long_reflection", 0.6f, si);
  }
}

void UtteranceCoder::apply_caps() {
  auto& cands = sc_.candidates;
  const bool summary =
      std::any_of(cands.begin(), cands.end(), [](const Candidate& c) { return c.code == Code::summary; });
  // MITI 4.2.1: one reflection (complex wins) and one question (open wins; the
  // last one asked, which is what the client answers) per turn.
  const Candidate* best_reflection = nullptr;
  const Candidate* best_question = nullptr;
  for (const Candidate& c : cands) {
    if (is_reflection(c.code) && !summary) {
      if (best_reflection == nullptr ||
          (c.code == Code::complex_reflection && best_reflection->code != Code::complex_reflection)) {
        best_reflection = &c;
      }
    }
    if (is_question(c.code)) {
      if (best_question == nullptr || c.code == Code::open_question ||
          best_question->code != Code::open_question) {
        best_question = &c;
      }
    }
  }
  // Every other code once, with its most confident evidence.
  std::array<const Candidate*, kCodeCount> best{};
  for (const Candidate& c : cands) {
    if (is_reflection(c.code) || is_question(c.code)) continue;
    const Candidate*& slot = best[static_cast<std::size_t>(c.code)];
    if (slot == nullptr || c.confidence > slot->confidence) slot = &c;
  }
  std::vector<Candidate>& kept = sc_.kept;
  kept.clear();
  for (const Candidate* c : best) {
    if (c != nullptr) kept.push_back(*c);
  }
  if (best_reflection != nullptr) kept.push_back(*best_reflection);
  if (best_question != nullptr) kept.push_back(*best_question);
  std::sort(kept.begin(), kept.end(), [](const Candidate& a, const Candidate& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  cands.swap(kept);
}

void UtteranceCoder::count_sentence_kinds() {
  info_sentences_ = 0;
  shape_reflection_sentences_ = 0;
  for (const Candidate& c : sc_.candidates) {
    if (c.code == Code::information) ++info_sentences_;
    if (is_reflection(c.code) && c.confidence <= kShapeReflection) ++shape_reflection_sentences_;
  }
}

Code UtteranceCoder::pick_primary(std::uint32_t passed_over) const {
  const auto& cands = sc_.candidates;
  auto allowed = [&](Code code) { return (passed_over & code_bit(code)) == 0; };
  auto find = [&](Code code) -> const Candidate* {
    if (!allowed(code)) return nullptr;
    for (const Candidate& c : cands) {
      if (c.code == code) return &c;
    }
    return nullptr;
  };
  for (Code c : {Code::diagnosis, Code::secrecy_promise, Code::dual_relationship, Code::safety_check}) {
    if (find(c) != nullptr) return c;
  }
  // Advice read from a weak cue (a bare imperative, "you can...") in one sentence yields
  // to what a phrase says the rest of the turn does: "You did so well. Go celebrate!" An
  // announced summary ("So, to sum up, ...") gathers the client's own plans, weak cues and all.
  if (const Candidate* advice = find(Code::advice); advice != nullptr) {
    if (advice->confidence < kFirmAdvice) {
      for (Code c : {Code::summary, Code::affirmation, Code::self_disclosure}) {
        const Candidate* other = find(c);
        if (other != nullptr && (c == Code::summary || other->sentence != advice->sentence) &&
            other->confidence >= kPhraseEvidence) {
          return c;
        }
      }
    }
    return Code::advice;
  }
  // The helper's own story is what a turn that tells one does, whatever question or
  // paraphrase frames it: the client hears it, and a supervisor scores it, as a disclosure.
  if (find(Code::self_disclosure) != nullptr) return Code::self_disclosure;
  for (Code c : {Code::referral, Code::judgment, Code::reassurance}) {
    if (find(c) != nullptr) return c;
  }
  const Candidate* reflection = nullptr;
  const Candidate* question = nullptr;
  for (const Candidate& c : cands) {
    if (!allowed(c.code)) continue;
    if (is_reflection(c.code) || c.code == Code::summary) reflection = reflection ? reflection : &c;
    if (is_question(c.code)) question = &c;
  }
  // A reflection read only from sentence shape (low confidence) yields to a phrase
  // that names what the turn does: "You've come so far, I'm sure you'll make it."
  if (reflection != nullptr && reflection->confidence <= kWeakReflection && question == nullptr) {
    if (find(Code::affirmation) != nullptr) return Code::affirmation;
  }
  // Praise or confidence named by a phrase is what a turn that also paraphrases is for: "You
  // sound like a caring person, you will do fine." The reflection that sets it up comes next.
  if (reflection != nullptr && question == nullptr) {
    if (const Candidate* affirmation = find(Code::affirmation);
        affirmation != nullptr && affirmation->confidence >= kPhraseEvidence) {
      return Code::affirmation;
    }
  }
  // A long explanation with one "you" sentence in it informs; it does not reflect.
  if (reflection != nullptr && question == nullptr && reflection->confidence <= kShapeReflection &&
      info_sentences_ >= 2 && info_sentences_ > shape_reflection_sentences_ && allowed(Code::information)) {
    return Code::information;
  }
  // "..., is that right?" checks the reflection before it; the reflection is the act.
  if (question != nullptr && reflection != nullptr && question->rule == "question.closed.check") {
    return reflection->code;
  }
  // Annotators choosing one label for "reflection, then question" take the question.
  if (question != nullptr && (reflection == nullptr || question->begin > reflection->begin))
    return question->code;
  if (reflection != nullptr) return reflection->code;
  for (Code c : {Code::seek_permission, Code::emphasize_autonomy, Code::affirmation, Code::information,
                 Code::filler}) {
    if (find(c) != nullptr) return c;
  }
  return Code::other;
}

Coding UtteranceCoder::run(std::span<const std::string> context) {
  detail::tokenize(text_, rs_.lexicon(), sc_.text);
  sc_.candidates.clear();
  sc_.summary_cues.clear();
  Coding coding;
  if (sc_.text.tokens.empty()) {
    // Punctuation only ("...") still says something was sent.
    const auto first = text_.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos) {
      const auto last = text_.find_last_not_of(" \t\r\n") + 1;
      coding.codes.push_back(
          CodeEvidence{Code::other, std::pair<std::size_t, std::size_t>{first, last}, "other.no_rule", 0.3});
    }
    coding.ranking.push_back(Code::other);
    return coding;
  }
  read_client(context);
  detail::find_hits(rs_, sc_.text, sc_.hits);
  std::size_t h = 0;
  for (std::uint32_t si = 0; si < sc_.text.sentences.size(); ++si) {
    const std::size_t begin = h;
    while (h < sc_.hits.size() && sc_.hits[h].sentence == si) ++h;
    code_sentence(si, begin, h);
  }
  add_summaries();
  count_sentence_kinds();
  apply_caps();
  if (sc_.candidates.empty()) {
    add(Code::other, tok_begin(0), sc_.text.sentences.back().end_byte, "other.no_rule", 0.3f, 0);
  }
  coding.primary = pick_primary();
  // The rest of the ranking: what a coder would pick with each better code unavailable.
  std::uint32_t passed_over = 0;
  for (Code next = coding.primary; next != Code::other;) {
    coding.ranking.push_back(next);
    passed_over |= code_bit(next);
    next = pick_primary(passed_over);
  }
  coding.ranking.push_back(Code::other);
  coding.codes.reserve(sc_.candidates.size());
  for (const Candidate& c : sc_.candidates) {
    std::string rule(c.rule);
    if (!c.rule_suffix.empty()) {
      rule += '.';
      rule += c.rule_suffix;
    }
    coding.codes.push_back(CodeEvidence{c.code, std::pair<std::size_t, std::size_t>{c.begin, c.end},
                                        std::move(rule), static_cast<double>(c.confidence)});
  }
  return coding;
}

}  // namespace

Coding code_utterance(std::string_view text, std::span<const std::string> context) {
  thread_local Scratch scratch;
  return UtteranceCoder(RuleSet::get(), scratch, text).run(context);
}

}  // namespace attune::scoring
