#include "coder_tokenizer.h"

#include <algorithm>
#include <array>
#include <cstddef>

namespace attune::scoring::detail {
namespace {

bool is_alpha(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(unsigned char c) {
  return c >= '0' && c <= '9';
}
bool is_alnum(unsigned char c) {
  return is_alpha(c) || is_digit(c);
}

enum class Punct : std::uint8_t { kNone, kApostrophe, kClauseBreak, kSentenceBreak, kSpace, kIgnore };

// Multi-byte punctuation that matters to sentence structure; any other non-ASCII
// sequence is treated as part of a word (accented letters).
Punct utf8_punct(std::string_view text, std::size_t i, std::size_t& len) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
    len = 2;
    return Punct::kSpace;
  }
  if (b0 == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
    len = 3;
    switch (static_cast<unsigned char>(text[i + 2])) {
      case 0x98:
      case 0x99:
        return Punct::kApostrophe;
      case 0x93:
      case 0x94:
      case 0xA6:
        return Punct::kClauseBreak;  // en dash, em dash, ellipsis
      case 0x9C:
      case 0x9D:
      case 0x8D:
        return Punct::kIgnore;  // curly double quotes, zero-width joiner
      default:
        break;
    }
  }
  // Emoji and pictographs ("😞", "🤗", "❤") end a thought in chat the way a full stop does, and
  // are no word.
  if (b0 == 0xF0 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x9F) {
    len = std::min<std::size_t>(4, text.size() - i);
    return Punct::kSentenceBreak;
  }
  if (b0 == 0xE2 && i + 2 < text.size()) {
    const auto b1 = static_cast<unsigned char>(text[i + 1]);
    if (b1 >= 0x98 && b1 <= 0x9E) {
      len = 3;
      return Punct::kSentenceBreak;
    }
  }
  if (b0 == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xB8 &&
      static_cast<unsigned char>(text[i + 2]) == 0x8F) {
    len = 3;
    return Punct::kIgnore;  // emoji presentation selector
  }
  len = 1;
  return Punct::kNone;
}

std::size_t apostrophe_len(std::string_view text, std::size_t i) {
  if (text[i] == '\'') return 1;
  std::size_t len = 1;
  if (static_cast<unsigned char>(text[i]) >= 0x80 && utf8_punct(text, i, len) == Punct::kApostrophe)
    return len;
  return 0;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// "'s" after these is "is"; after anything else it is a possessive and dropped.
constexpr std::string_view kIsBeforeS[] = {
    "it",        "that",    "what",     "there",    "here",      "he",         "she",
    "who",       "where",   "how",      "when",     "why",       "everything", "nothing",
    "something", "someone", "somebody", "everyone", "everybody", "this",       "life"};

class Builder {
 public:
  Builder(std::string_view text, const Lexicon& lexicon, TokenizedText& out)
      : text_(text), lexicon_(lexicon), out_(out) {}

  void run();

 private:
  void word(std::size_t begin, std::size_t end);
  void emit(WordId id, std::string_view spelled, std::size_t begin, std::size_t end);
  void emit_word(std::string_view w, std::size_t begin, std::size_t end) {
    emit(lexicon_.find(w), w, begin, end);
  }
  void clause_break() { clause_pending_ = true; }
  // "w-where", "I-I": a part that only starts the next part again.
  bool stutter(std::size_t part, std::size_t dash, std::size_t end) const {
    std::size_t next_end = dash + 1;
    while (next_end < end && text_[next_end] != '-') ++next_end;
    const std::size_t len = dash - part;
    if (next_end - (dash + 1) < len) return false;
    for (std::size_t k = 0; k < len; ++k) {
      const auto a = static_cast<unsigned char>(text_[part + k]);
      const auto b = static_cast<unsigned char>(text_[dash + 1 + k]);
      if ((a | 0x20) != (b | 0x20)) return false;
    }
    return true;
  }
  void end_sentence(char terminator, std::size_t end_byte);
  // ":D", ";P", ":-O", ":3": an eye, an optional nose, then one mouth letter standing alone.
  std::size_t emoticon_len(std::size_t i) const {
    std::size_t j = i + 1;
    if (j < text_.size() && text_[j] == '-') ++j;
    if (j >= text_.size()) return 1;
    const char mouth = text_[j];
    const bool letter = mouth == 'D' || mouth == 'P' || mouth == 'p' || mouth == 'O' || mouth == 'o' ||
                        mouth == 'X' || mouth == 'x' || mouth == '3';
    const bool alone = j + 1 >= text_.size() || !is_alnum(static_cast<unsigned char>(text_[j + 1]));
    return letter && alone ? j + 1 - i : 1;
  }
  bool abbreviation_before(std::size_t dot) const;
  void mark_anchors(const Sentence& s);

  std::string_view text_;
  const Lexicon& lexicon_;
  TokenizedText& out_;
  std::uint32_t sentence_first_ = 0;
  std::uint16_t clause_ = 0;
  bool clause_pending_ = true;
};

void Builder::emit(WordId id, std::string_view spelled, std::size_t begin, std::size_t end) {
  Token t;
  t.begin = static_cast<std::uint32_t>(begin);
  t.end = static_cast<std::uint32_t>(end);
  t.id = id;
  std::uint16_t flags = 0;
  if (clause_pending_) {
    flags |= kClauseStart;
    if (!out_.tokens.empty()) ++clause_;
    clause_pending_ = false;
  }
  if (const std::size_t n = spelled.size(); n >= 4) {
    // One look at the last letter: "trying", "happened", "helps" (not "less").
    const char last = spelled[n - 1];
    const char before = spelled[n - 2];
    if (last == 'g') {
      if (n >= 5 && before == 'n' && spelled[n - 3] == 'i') flags |= kEndsIng;
    } else if (last == 'd') {
      if (n >= 5 && before == 'e') flags |= kEndsEd;
    } else if (last == 's' && before != 's') {
      flags |= kEndsS;
    } else if (last == 't' && before == 's') {
      flags |= kEndsSt;
    }
  }
  if (!spelled.empty() && is_digit(static_cast<unsigned char>(spelled[0]))) {
    flags |= kDigits;
    if (t.id == kNoWord) t.id = lexicon_.find("<num>");
  }
  if (spelled.size() >= 3 && is_alpha(static_cast<unsigned char>(spelled[0])) &&
      !lexicon_.is(t.id, kStopword)) {
    flags |= kContent;
  }
  // Only content words and the words that name a feeling or a figure are compared with the
  // client's (see Token::stem); the rest need no stem.
  if ((flags & kContent) != 0 || lexicon_.is(t.id, kStemmedClasses)) {
    t.stem = stem_hash(spelled);
    // Feelings go by their family ("annoying" meets "irritated"); only feeling words and words
    // no rule knows can be one.
    if (t.id == kNoWord || lexicon_.is(t.id, kFeeling)) t.stem = lexicon_.family_stem(t.stem);
  }
  t.flags = flags;
  t.clause = clause_;
  out_.tokens.push_back(t);
}

void Builder::word(std::size_t begin, std::size_t end) {
  // Lower-cased, apostrophes normalised; long words keep a truncated spelling,
  // which no rule mentions anyway.
  std::array<char, 64> buf;  // only the first n bytes are ever read
  std::size_t n = 0;
  std::size_t apostrophe = std::string_view::npos;
  for (std::size_t i = begin; i < end && n < buf.size();) {
    if (std::size_t alen = apostrophe_len(text_, i); alen > 0) {
      apostrophe = n;
      buf[n++] = '\'';
      i += alen;
      continue;
    }
    auto c = static_cast<unsigned char>(text_[i++]);
    buf[n++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  }
  const std::string_view w(buf.data(), n);
  const WordId id = lexicon_.find(w);
  if (id == kNoWord && w.find('-') != std::string_view::npos && n < buf.size()) {
    // Unknown hyphenated words split into their parts: "self-care", and the
    // spoken stutter "I-I" / "what-what" that transcripts keep.
    std::size_t part = begin;
    for (std::size_t i = begin; i <= end; ++i) {
      if (i == end || text_[i] == '-') {
        if (i > part && !(i < end && stutter(part, i, end))) word(part, i);
        part = i + 1;
      }
    }
    return;
  }
  if (std::span<const WordId> parts = lexicon_.expansion(id); !parts.empty()) {
    for (WordId part : parts) emit(part, lexicon_.word(part), begin, end);
    return;
  }
  if (id != kNoWord || apostrophe == std::string_view::npos) {
    emit(id, w, begin, end);
    return;
  }
  const std::string_view base = w.substr(0, apostrophe);
  const std::string_view suffix = w.substr(apostrophe + 1);
  if (suffix == "t" && ends_with(base, "n") && base.size() > 1) {
    std::string_view aux = base.substr(0, base.size() - 1);
    if (aux == "ca") aux = "can";
    if (aux == "wo") aux = "will";
    if (aux == "sha") aux = "shall";
    if (aux == "ai") aux = "is";
    emit_word(aux, begin, end);
    emit_word("not", begin, end);
    return;
  }
  std::string_view second;
  if (suffix == "re") second = "are";
  if (suffix == "ve") second = "have";
  if (suffix == "ll") second = "will";
  if (suffix == "d") second = "would";
  if (suffix == "m") second = "am";
  if (suffix == "s") {
    if (base == "let") second = "us";
    for (std::string_view b : kIsBeforeS) {
      if (base == b) second = "is";
    }
  }
  if (!second.empty() || suffix == "s" || suffix.empty()) {
    emit_word(base, begin, end);
    if (!second.empty()) emit_word(second, begin, end);
    return;
  }
  emit(id, w, begin, end);
}

bool Builder::abbreviation_before(std::size_t dot) const {
  if (out_.tokens.empty()) return false;
  const Token& t = out_.tokens.back();
  if (t.end != dot) return false;
  const std::string_view w = text_.substr(t.begin, t.end - t.begin);
  if (w.size() == 1 && is_alpha(static_cast<unsigned char>(w[0])) && dot + 1 < text_.size() &&
      is_alpha(static_cast<unsigned char>(text_[dot + 1]))) {
    return true;  // "e.g."
  }
  constexpr std::string_view kTitles[] = {"mr", "mrs", "ms", "dr", "st", "vs", "etc", "prof", "jr", "sr"};
  if (w.size() > 4) return false;
  std::array<char, 4> lower{};
  for (std::size_t i = 0; i < w.size(); ++i) {
    auto c = static_cast<unsigned char>(w[i]);
    lower[i] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  }
  const std::string_view lw(lower.data(), w.size());
  for (std::string_view title : kTitles) {
    if (lw == title) return true;
  }
  return false;
}

void Builder::mark_anchors(const Sentence& s) {
  auto& toks = out_.tokens;
  for (std::uint32_t i = s.first; i < s.last; ++i) {
    if ((toks[i].flags & kClauseStart) == 0) continue;
    std::uint32_t j = i;
    toks[j].flags |= kAnchor;
    // "Okay so maybe you..." : the head is "you"; every step is an anchor.
    while (lexicon_.is(toks[j].id, kAnchorSkip) && j + 1 < s.last &&
           (toks[j + 1].flags & kClauseStart) == 0) {
      ++j;
      toks[j].flags |= kAnchor;
    }
  }
}

void Builder::end_sentence(char terminator, std::size_t end_byte) {
  clause_pending_ = true;
  const auto last = static_cast<std::uint32_t>(out_.tokens.size());
  if (last == sentence_first_) {
    // A stray "?" after a line break still makes the previous sentence a question.
    if (terminator != 0 && !out_.sentences.empty() && out_.sentences.back().terminator == 0) {
      out_.sentences.back().terminator = terminator;
      out_.sentences.back().end_byte = static_cast<std::uint32_t>(end_byte);
    }
    return;
  }
  Sentence s;
  s.first = sentence_first_;
  s.last = last;
  s.terminator = terminator;
  s.end_byte = static_cast<std::uint32_t>(terminator != 0 ? end_byte : out_.tokens.back().end);
  out_.tokens[s.first].flags |= kClauseStart;
  mark_anchors(s);
  out_.sentences.push_back(s);
  sentence_first_ = last;
}

void Builder::run() {
  const std::size_t n = text_.size();
  std::size_t i = 0;
  while (i < n) {
    const auto c = static_cast<unsigned char>(text_[i]);
    std::size_t len = 1;
    const Punct p = c >= 0x80 ? utf8_punct(text_, i, len) : Punct::kNone;
    if (is_alnum(c) || (c >= 0x80 && p == Punct::kNone)) {
      std::size_t j = i;
      while (j < n) {
        const auto d = static_cast<unsigned char>(text_[j]);
        std::size_t dlen = 1;
        if (is_alnum(d) || (d >= 0x80 && utf8_punct(text_, j, dlen) == Punct::kNone)) {
          j += dlen;
        } else if (std::size_t alen = apostrophe_len(text_, j);
                   alen > 0 && j + alen < n && is_alpha(static_cast<unsigned char>(text_[j + alen]))) {
          j += alen;
        } else if (d == '-' && j + 1 < n && is_alnum(static_cast<unsigned char>(text_[j + 1]))) {
          ++j;
        } else if (d == '.' && j > i && is_digit(static_cast<unsigned char>(text_[j - 1])) && j + 1 < n &&
                   is_digit(static_cast<unsigned char>(text_[j + 1]))) {
          ++j;
        } else {
          break;
        }
      }
      word(i, j);
      i = j;
      continue;
    }
    if (p == Punct::kSentenceBreak) {
      i += len;
      end_sentence('.', i);
      continue;
    }
    if (p == Punct::kClauseBreak) {
      clause_break();
      i += len;
      continue;
    }
    if (c >= 0x80) {  // spaces, quotes, stray apostrophes
      i += len;
      continue;
    }
    switch (c) {
      case '\n':
        end_sentence(0, i);
        ++i;
        break;
      case '.':
        if (i + 1 < n && text_[i + 1] == '.') {  // "..." trails off: a pause, not an end
          while (i < n && text_[i] == '.') ++i;
          clause_break();
        } else if (abbreviation_before(i)) {
          ++i;
        } else {
          ++i;
          char term = '.';
          while (i < n && (text_[i] == '?' || text_[i] == '!' || text_[i] == '.')) {
            if (text_[i] == '?') term = '?';
            ++i;
          }
          end_sentence(term, i);
        }
        break;
      case '?':
      case '!': {
        char term = static_cast<char>(c);
        while (i < n && (text_[i] == '?' || text_[i] == '!' || text_[i] == '.')) {
          if (text_[i] == '?') term = '?';
          ++i;
        }
        end_sentence(term, i);
        break;
      }
      case ';':
      case ':':
        // Emoticons (":D", ";-P", ":o") are tone, not words: the letter must not read as one.
        i += emoticon_len(i);
        clause_break();
        break;
      case ',':
      case '(':
      case ')':
        clause_break();
        ++i;
        break;
      case '[': {
        // Transcription notes ("[laughs]", "[crosstalk]") are not words the helper said.
        const std::size_t close = text_.find(']', i);
        i = close == std::string_view::npos ? n : close + 1;
        clause_break();
        break;
      }
      case '-':
        // A lone or doubled dash between words is a break; "mm-hmm" never gets here.
        clause_break();
        ++i;
        break;
      default:
        ++i;
        break;
    }
  }
  end_sentence(0, n);
}

}  // namespace

// Crude suffix stripping, so "worried" in the reply meets "worry" in the client's line.
std::uint32_t stem_hash(std::string_view w) {
  if (w.empty()) return 0;
  std::array<char, 64> buf;  // only the first n bytes are ever read
  std::size_t n = w.size() < buf.size() ? w.size() : buf.size();
  for (std::size_t i = 0; i < n; ++i) buf[i] = w[i];
  auto view = [&] { return std::string_view(buf.data(), n); };
  if (n > 3 && buf[n - 1] == 's' && buf[n - 2] != 's') {
    --n;
    if (n > 3 && buf[n - 1] == 'e' && buf[n - 2] == 'i') {
      --n;
      buf[n - 1] = 'y';  // "worries" -> "worry"
    }
  }
  bool stripped = false;
  if (n > 5 && ends_with(view(), "ing")) {
    n -= 3;
    stripped = true;
  } else if (n > 4 && ends_with(view(), "ed")) {
    n -= 2;
    stripped = true;
  } else if (n > 4 && ends_with(view(), "ly")) {
    n -= 2;
  }
  const char last = buf[n - 1];
  if (stripped && n > 3 && last == buf[n - 2] && last != 'l' && last != 's' && last != 'e') {
    --n;  // "stopped" -> "stop"
  }
  if (n > 2 && buf[n - 1] == 'i') buf[n - 1] = 'y';  // "worri(ed)" -> "worry"
  const std::uint64_t h = hash_bytes(view());
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

void tokenize(std::string_view text, const Lexicon& lexicon, TokenizedText& out) {
  out.clear();
  Builder(text, lexicon, out).run();
}

}  // namespace attune::scoring::detail
