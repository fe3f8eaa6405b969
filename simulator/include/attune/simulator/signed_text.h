// The text a session record's HMAC covers, read straight from the record file. attune writes a
// record as the pretty-printed form of the same key-sorted JSON it signs compactly, so the signed
// text is the file's text with the whitespace between tokens and the top-level "integrity" member
// taken out: no second serialisation of the parsed record is needed to check it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace attune::sim {

// The compact text of the top-level object in `text` without its "integrity" member, or nullopt
// when `text` is not one object with exactly one such member nested at most `max_depth` brackets
// deep. Strings are copied byte for byte, so a file laid out by hand (escapes, number forms)
// simply gives a text whose HMAC does not match; callers then fall back to serialising.
std::optional<std::string> signed_text_of(std::string_view text, std::size_t max_depth);

}  // namespace attune::sim
