// UTF-8 checks for text that comes from people: files, terminals and scripts.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace attune {

// Byte offset of the first invalid UTF-8 sequence (or NUL), or nullopt when the text is clean.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// The text with every invalid sequence replaced by U+FFFD, so JSON writers never refuse it.
std::string to_valid_utf8(std::string_view text);

// At most `max_chars` code points of `text`, cut at a word boundary when one is near, with
// "…" appended when anything was cut; for labels (graphs, lists) that must stay short.
std::string shorten_utf8(std::string_view text, std::size_t max_chars);

}  // namespace attune
