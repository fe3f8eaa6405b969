// Reading an optional member of a parsed record without copying it. `x.contains(k) ? x[k] : json()`
// looks like a reference but copies the member (the conditional's result is a temporary), which
// costs a whole subtree per call when scanning thousands of records.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace attune::sim {

// `object[key]` when `object` is an object holding `key`, else a null value.
inline const nlohmann::json& member_or_null(const nlohmann::json& object, std::string_view key) {
  static const nlohmann::json kNull;
  if (!object.is_object()) return kNull;
  auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

}  // namespace attune::sim
