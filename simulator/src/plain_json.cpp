#include "attune/simulator/plain_json.h"

#include <simdjson.h>

#include <cstdint>

namespace attune::sim {
namespace {

using nlohmann::json;

constexpr int kMaxDepth = 64;

// Builds the tree nlohmann::json::parse would build, or fails (the caller then lets nlohmann decide).
bool convert(simdjson::dom::element element, json& out, int depth) {
  using simdjson::dom::element_type;
  switch (element.type()) {
    case element_type::OBJECT: {
      if (depth >= kMaxDepth) return false;
      out = json::object();
      for (auto [key, value] : simdjson::dom::object(element)) {
        auto [slot, inserted] = out.emplace(std::string(key), nullptr);
        // A repeated key: nlohmann's choice of value is its own, so leave the whole text to it.
        if (!inserted || !convert(value, slot.value(), depth + 1)) return false;
      }
      return true;
    }
    case element_type::ARRAY: {
      if (depth >= kMaxDepth) return false;
      out = json::array();
      for (simdjson::dom::element item : simdjson::dom::array(element)) {
        json& slot = out.emplace_back();
        if (!convert(item, slot, depth + 1)) return false;
      }
      return true;
    }
    case element_type::STRING:
      out = std::string(std::string_view(element));
      return true;
    case element_type::INT64: {
      // nlohmann keeps a number written without a sign as unsigned (a span's offsets, say). The one
      // difference left: "-0", which attune never writes, reads as an unsigned 0 (equal in value).
      const std::int64_t value = std::int64_t(element);
      if (value >= 0) {
        out = static_cast<json::number_unsigned_t>(value);
      } else {
        out = static_cast<json::number_integer_t>(value);
      }
      return true;
    }
    case element_type::UINT64:
      out = static_cast<json::number_unsigned_t>(std::uint64_t(element));
      return true;
    case element_type::DOUBLE:
      out = double(element);
      return true;
    case element_type::BOOL:
      out = bool(element);
      return true;
    case element_type::NULL_VALUE:
      out = nullptr;
      return true;
  }
  return false;
}

}  // namespace

std::optional<json> parse_plain_json(std::string_view text) {
  // One parser per thread: it keeps its buffers, and report and verify read records on several threads.
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(text.data(), text.size()).get(root) != simdjson::SUCCESS) return std::nullopt;
  json out;
  if (!convert(root, out, 0)) return std::nullopt;
  return out;
}

}  // namespace attune::sim
