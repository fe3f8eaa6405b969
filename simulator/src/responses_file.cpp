#include "attune/simulator/responses_file.h"

#include <charconv>

#include "attune/scoring/utf8.h"
#include "attune/simulator/duration.h"

namespace attune::sim {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Drops a trailing comment ('#' after whitespace) and turns "\#" into '#'.
std::string strip_comment(std::string_view line) {
  std::string out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '#') {
      out += '#';
      ++i;
      continue;
    }
    if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) break;
    out += line[i];
  }
  return out;
}

struct Bracket {
  std::string_view word;
  std::string_view argument;
  std::string_view rest;
  bool ok = false;
};

// "[word argument] rest"
Bracket take_bracket(std::string_view s) {
  Bracket b;
  if (s.empty() || s.front() != '[') return b;
  auto close = s.find(']');
  if (close == std::string_view::npos) return b;
  std::string_view inside = trim(s.substr(1, close - 1));
  auto space = inside.find(' ');
  b.word = inside.substr(0, space);
  b.argument = space == std::string_view::npos ? std::string_view() : trim(inside.substr(space + 1));
  b.rest = trim(s.substr(close + 1));
  b.ok = true;
  return b;
}

std::string quoted(std::string_view s) {
  return "'" + std::string(s) + "'";
}

ScriptedLine parse_line(int number, std::string_view text) {
  ScriptedLine out;
  out.line = number;
  std::optional<int> latency;
  if (text.front() == '[') {
    Bracket b = take_bracket(text);
    if (!b.ok) {
      out.error = "unclosed '[': write [after 4s], [silence], [silence 6s] or [choice N]";
      return out;
    }
    if (b.word == "after") {
      latency = parse_duration_ms(b.argument);
      if (!latency) {
        out.error = "bad duration " + quoted(b.argument) + " in [after ...]; write it like 4s, 1.5s or 800ms";
        return out;
      }
      text = b.rest;
      if (text.empty()) {
        out.error = "[after ...] needs a reply or a [choice N] after it";
        return out;
      }
      if (text.front() == '[') {
        b = take_bracket(text);
        if (!b.ok || b.word != "choice") {
          out.error = "after [after ...] comes a reply or a [choice N], not " + quoted(text);
          return out;
        }
      }
    }
    if (text.front() == '[') {
      if (b.word == "silence") {
        if (latency) {
          out.error = "[silence] cannot follow [after ...]";
          return out;
        }
        std::optional<int> length;
        if (!b.argument.empty()) {
          length = parse_duration_ms(b.argument);
          if (!length) {
            out.error = "bad duration " + quoted(b.argument) + " in [silence ...]; write it like 6s or 800ms";
            return out;
          }
        }
        if (!b.rest.empty()) {
          out.error = "nothing may follow [silence] on its line (found " + quoted(b.rest) + ")";
          return out;
        }
        out.input = TurnInput::silent(length);
        return out;
      }
      if (b.word == "choice") {
        int n = 0;
        auto [end, ec] = std::from_chars(b.argument.data(), b.argument.data() + b.argument.size(), n);
        if (ec != std::errc() || end != b.argument.data() + b.argument.size() || b.argument.empty()) {
          out.error = "[choice N] needs an option number, not " + quoted(b.argument);
          return out;
        }
        if (!b.rest.empty()) {
          out.error = "nothing may follow [choice N] on its line (found " + quoted(b.rest) + ")";
          return out;
        }
        out.input = TurnInput::pick(n, latency);
        return out;
      }
      out.error = "unknown form " +
                  quoted("[" + std::string(b.word) + (b.argument.empty() ? "" : " ") +
                         std::string(b.argument) + "]") +
                  "; write [after 4s], [silence], [silence 6s] or [choice N]";
      return out;
    }
  }
  out.input = TurnInput::reply(std::string(text), latency);
  return out;
}

}  // namespace

std::vector<ScriptedLine> parse_responses(std::string_view text) {
  std::vector<ScriptedLine> lines;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  int number = 0;
  while (!text.empty()) {
    auto newline = text.find('\n');
    std::string_view raw = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    ++number;
    std::string_view trimmed = trim(raw);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    if (first_invalid_utf8(trimmed)) {
      ScriptedLine bad;
      bad.line = number;
      bad.error = "this line is not valid UTF-8 text; save the file as UTF-8";
      lines.push_back(std::move(bad));
      continue;
    }
    std::string content = strip_comment(trimmed);
    std::string_view body = trim(content);
    if (body.empty()) continue;
    lines.push_back(parse_line(number, body));
  }
  return lines;
}

int last_line_number(std::string_view text) {
  int lines = 0;
  for (char c : text) lines += c == '\n' ? 1 : 0;
  if (!text.empty() && text.back() != '\n') ++lines;
  return lines;
}

}  // namespace attune::sim
