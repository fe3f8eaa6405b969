// A JSON Schema (draft 2020-12) check of parsed JSON against the schemas in assets/schema/, so a
// record is held to the very file the project documents and tests with (tests/schema runs Python's
// jsonschema on the same files). Debian 12 packages no C++ validator for 2020-12 (valijson 1.0
// knows drafts 4-7, where the schema's `prefixItems` + `items: false` would refuse every valid
// record), so this covers the keywords attune's schemas use and refuses a schema that uses any
// other, rather than ignore a rule it does not know.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace attune::sim {

struct SchemaViolation {
  std::string path;    // JSON Pointer of the offending value ("" for the whole document)
  std::string reason;  // for people: what is wrong there
};

class JsonSchema {
 public:
  // The schema, or nullopt with `error` set (not JSON, or a keyword this check does not support).
  static std::optional<JsonSchema> parse(const std::string& text, std::string& error);
  // assets/schema/NAME under the runtime home.
  static std::optional<JsonSchema> load_installed(const std::string& name, std::string& error);

  // The first violation in document order, or nullopt when `value` is valid. Thread-safe.
  std::optional<SchemaViolation> first_violation(const nlohmann::json& value) const;

  struct Node;

 private:
  std::shared_ptr<const std::vector<std::unique_ptr<Node>>> nodes_;  // nodes_[0] is the root
};

}  // namespace attune::sim
