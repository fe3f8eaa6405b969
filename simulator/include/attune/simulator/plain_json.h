// A quick reader for the JSON attune writes (records, review lines): simdjson parses, and the
// result is built into the same nlohmann::json a full nlohmann parse would give. nlohmann's own
// lexer reads a byte at a time and keeps every token for its error messages, which made parsing
// most of the cost of `verify` and `report`.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace attune::sim {

// The value `text` holds, or nullopt when it holds anything this reader leaves to
// nlohmann::json::parse: errors of any kind, duplicate keys, numbers out of range, nesting
// deeper than 64. Callers then parse with nlohmann, which decides (and explains).
std::optional<nlohmann::json> parse_plain_json(std::string_view text);

}  // namespace attune::sim
