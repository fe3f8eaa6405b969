#include "attune/simulator/signed_text.h"

#include <cstring>

namespace attune::sim {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

constexpr std::string_view kIntegrityKey = "\"integrity\":";

}  // namespace

std::optional<std::string> signed_text_of(std::string_view text, std::size_t max_depth) {
  std::string out;
  out.reserve(text.size());
  std::size_t depth = 0;
  bool closed = false;           // the top-level object has ended
  std::size_t member_begin = 0;  // in `out`: where the current top-level member starts
  std::size_t integrity_begin = std::string::npos;
  std::size_t integrity_end = 0;
  // A top-level member ends at a comma or the closing brace; remember the one that is "integrity".
  auto end_member = [&]() {
    std::string_view member(out.data() + member_begin, out.size() - member_begin);
    if (!member.starts_with(kIntegrityKey)) return true;
    if (integrity_begin != std::string::npos) return false;  // twice: not a record attune wrote
    integrity_begin = member_begin;
    integrity_end = out.size();
    return true;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (is_space(c)) continue;
    if (closed) return std::nullopt;                  // anything after the object
    if (depth == 0 && c != '{') return std::nullopt;  // not an object
    if (c == '"') {
      // Copy the whole string: the first unescaped quote ends it.
      std::size_t j = i + 1;
      while (true) {
        const void* hit = std::memchr(text.data() + j, '"', text.size() - j);
        if (hit == nullptr) return std::nullopt;
        j = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
        std::size_t backslashes = 0;
        while (text[j - 1 - backslashes] == '\\') ++backslashes;
        if (backslashes % 2 == 0) break;
        ++j;
      }
      out.append(text.data() + i, j - i + 1);
      i = j;
      continue;
    }
    if (c == '{' || c == '[') {
      if (++depth > max_depth) return std::nullopt;
      out += c;
      if (depth == 1) member_begin = out.size();
      continue;
    }
    if (c == '}' || c == ']') {
      if (depth == 1 && (c != '}' || !end_member())) return std::nullopt;
      --depth;
      closed = depth == 0;
      out += c;
      continue;
    }
    if (c == ',' && depth == 1) {
      if (!end_member()) return std::nullopt;
      out += c;
      member_begin = out.size();
      continue;
    }
    out += c;
  }
  if (!closed || integrity_begin == std::string::npos) return std::nullopt;
  // Take the member out with one of the commas beside it.
  if (out[integrity_end] == ',') {
    out.erase(integrity_begin, integrity_end + 1 - integrity_begin);
  } else if (out[integrity_begin - 1] == ',') {
    out.erase(integrity_begin - 1, integrity_end + 1 - integrity_begin);
  } else {
    out.erase(integrity_begin, integrity_end - integrity_begin);
  }
  return out;
}

}  // namespace attune::sim
