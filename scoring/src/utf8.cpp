#include "attune/scoring/utf8.h"

namespace attune {
namespace {

// Length of the valid sequence starting at text[i], or 0 when it is invalid.
std::size_t sequence_length(std::string_view text, std::size_t i) {
  auto byte = static_cast<unsigned char>(text[i]);
  if (byte == 0) return 0;
  if (byte < 0x80) return 1;
  std::size_t length = (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return 0;
  }
  auto second = static_cast<unsigned char>(text[i + 1]);
  if (length == 2 && byte < 0xC2) return 0;
  if (length == 3 && ((byte == 0xE0 && second < 0xA0) || (byte == 0xED && second >= 0xA0))) return 0;
  if (length == 4 && (byte > 0xF4 || (byte == 0xF0 && second < 0x90) || (byte == 0xF4 && second >= 0x90)))
    return 0;
  return length;
}

}  // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = sequence_length(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::nullopt;
}

std::string to_valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = sequence_length(text, i);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
  return out;
}

std::string shorten_utf8(std::string_view text, std::size_t max_chars) {
  std::size_t chars = 0;
  std::size_t cut = text.size();
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // a continuation byte
    if (chars == max_chars) {
      cut = i;
      break;
    }
    ++chars;
  }
  if (cut == text.size()) return std::string(text);
  // Back up to the last space if it keeps at least two thirds of the label.
  const std::size_t space = text.rfind(' ', cut);
  if (space != std::string_view::npos && space * 3 >= cut * 2) cut = space;
  return std::string(text.substr(0, cut)) + "\u2026";
}

}  // namespace attune
