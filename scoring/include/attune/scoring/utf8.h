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

}  // namespace attune
