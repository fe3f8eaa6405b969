// The schema is compiled once into a graph of nodes (a `$ref` is a pointer to its target's node,
// regexes are built once), so checking 10,000 records costs no schema work per record.
#include "attune/simulator/json_schema.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <set>

#include "attune/simulator/file_io.h"
#include "attune/simulator/runtime_paths.h"

namespace attune::sim {

using nlohmann::json;

struct JsonSchema::Node {
  std::optional<bool> always;  // a boolean schema: true accepts anything, false nothing
  std::vector<std::string> types;
  std::optional<json> constant;
  std::optional<json> one_of_values;  // `enum`
  std::vector<std::string> required;
  std::map<std::string, const Node*> properties;
  const Node* additional = nullptr;  // `additionalProperties`
  const Node* property_names = nullptr;
  std::vector<const Node*> prefix_items;
  const Node* items = nullptr;
  std::optional<std::size_t> min_items, max_items, min_length, max_length;
  std::optional<double> minimum, maximum;
  std::optional<std::regex> pattern;
  std::string pattern_text;
  std::vector<const Node*> any_of, all_of;
  const Node* negated = nullptr;  // `not`
  const Node* condition = nullptr;
  const Node* then_branch = nullptr;
  const Node* else_branch = nullptr;
  const Node* ref = nullptr;
};

namespace {

using Node = JsonSchema::Node;
using Nodes = std::vector<std::unique_ptr<Node>>;

// Keywords that only describe; they never make a value invalid.
const std::set<std::string> kAnnotations = {"$schema",  "$id",         "$comment",  "$defs",
                                            "title",    "description", "format",    "default",
                                            "examples", "readOnly",    "writeOnly", "deprecated"};

std::string escape_pointer_token(const std::string& token) {
  std::string out;
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

class Compiler {
 public:
  explicit Compiler(const json& root) : root_(root) {}

  Nodes nodes;
  std::string error;

  const Node* compile(const json& schema, const std::string& pointer) {
    if (auto it = compiled_.find(pointer); it != compiled_.end()) return it->second;
    nodes.push_back(std::make_unique<Node>());
    Node* node = nodes.back().get();
    compiled_[pointer] = node;  // before the children, so a recursive `$ref` finds it
    if (schema.is_boolean()) {
      node->always = schema.get<bool>();
      return node;
    }
    if (!schema.is_object()) return fail(pointer, "a schema must be an object or true/false");
    for (const auto& [keyword, value] : schema.items()) {
      if (!error.empty()) break;
      keyword_(*node, keyword, value, pointer + "/" + escape_pointer_token(keyword));
    }
    return node;
  }

 private:
  const Node* fail(const std::string& pointer, const std::string& why) {
    if (error.empty()) error = "schema at '" + pointer + "': " + why;
    return nullptr;
  }

  std::optional<std::size_t> count(const json& value, const std::string& pointer) {
    if (value.is_number_unsigned()) return value.get<std::size_t>();
    fail(pointer, "expected a non-negative integer");
    return std::nullopt;
  }

  std::vector<const Node*> list(const json& value, const std::string& pointer) {
    std::vector<const Node*> out;
    if (!value.is_array() || value.empty()) {
      fail(pointer, "expected a non-empty list of schemas");
      return out;
    }
    for (std::size_t i = 0; i < value.size(); ++i)
      out.push_back(compile(value[i], pointer + "/" + std::to_string(i)));
    return out;
  }

  void keyword_(Node& node, const std::string& keyword, const json& value, const std::string& pointer) {
    if (kAnnotations.count(keyword) != 0) return;
    if (keyword == "type") {
      for (const auto& t : value.is_array() ? value : json::array({value})) {
        if (!t.is_string()) return void(fail(pointer, "a type must be a name"));
        node.types.push_back(t.get<std::string>());
      }
    } else if (keyword == "const") {
      node.constant = value;
    } else if (keyword == "enum") {
      if (!value.is_array()) return void(fail(pointer, "expected a list"));
      node.one_of_values = value;
    } else if (keyword == "required") {
      for (const auto& name : value) {
        if (!name.is_string()) return void(fail(pointer, "expected a list of names"));
        node.required.push_back(name.get<std::string>());
      }
    } else if (keyword == "properties") {
      if (!value.is_object()) return void(fail(pointer, "expected an object"));
      for (const auto& [name, sub] : value.items())
        node.properties[name] = compile(sub, pointer + "/" + escape_pointer_token(name));
    } else if (keyword == "additionalProperties") {
      node.additional = compile(value, pointer);
    } else if (keyword == "propertyNames") {
      node.property_names = compile(value, pointer);
    } else if (keyword == "prefixItems") {
      node.prefix_items = list(value, pointer);
    } else if (keyword == "items") {
      node.items = compile(value, pointer);
    } else if (keyword == "minItems") {
      node.min_items = count(value, pointer);
    } else if (keyword == "maxItems") {
      node.max_items = count(value, pointer);
    } else if (keyword == "minLength") {
      node.min_length = count(value, pointer);
    } else if (keyword == "maxLength") {
      node.max_length = count(value, pointer);
    } else if (keyword == "minimum" || keyword == "maximum") {
      if (!value.is_number()) return void(fail(pointer, "expected a number"));
      (keyword == "minimum" ? node.minimum : node.maximum) = value.get<double>();
    } else if (keyword == "pattern") {
      if (!value.is_string()) return void(fail(pointer, "expected a regular expression"));
      node.pattern_text = value.get<std::string>();
      try {
        node.pattern.emplace(node.pattern_text, std::regex::ECMAScript);
      } catch (const std::regex_error& e) {
        fail(pointer, std::string("not a regular expression: ") + e.what());
      }
    } else if (keyword == "anyOf") {
      node.any_of = list(value, pointer);
    } else if (keyword == "allOf") {
      node.all_of = list(value, pointer);
    } else if (keyword == "not") {
      node.negated = compile(value, pointer);
    } else if (keyword == "if") {
      node.condition = compile(value, pointer);
    } else if (keyword == "then") {
      node.then_branch = compile(value, pointer);
    } else if (keyword == "else") {
      node.else_branch = compile(value, pointer);
    } else if (keyword == "$ref") {
      // Only references inside this document: `#` followed by a JSON Pointer.
      if (!value.is_string() || value.get<std::string>().rfind('#', 0) != 0)
        return void(fail(pointer, "only local references (#/...) are supported"));
      std::string target = value.get<std::string>().substr(1);
      json::json_pointer where;
      try {
        where = json::json_pointer(target);
      } catch (const json::exception&) {
        return void(fail(pointer, "not a JSON Pointer: " + target));
      }
      if (!root_.contains(where)) return void(fail(pointer, "nothing at " + target));
      node.ref = compile(root_.at(where), target);
    } else {
      fail(pointer, "the keyword `" + keyword + "` is not supported by attune's schema check");
    }
  }

  const json& root_;
  std::map<std::string, const Node*> compiled_;
};

// --- checking ---

std::string type_name(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::string:
      return "a string";
    case json::value_t::array:
      return "an array";
    case json::value_t::object:
      return "an object";
    case json::value_t::number_float:
      return "a number";
    default:
      return "an integer";
  }
}

std::string shown(const json& value) {
  if (value.is_object() || value.is_array()) return type_name(value);
  std::string text = value.dump();
  if (value.is_string()) text = "'" + value.get<std::string>() + "'";
  return text.size() > 60 ? text.substr(0, 57) + "..." : text;
}

bool has_type(const json& value, const std::string& type) {
  if (type == "integer") {
    if (value.is_number_integer()) return true;
    if (!value.is_number_float()) return false;
    double d = value.get<double>();
    return std::isfinite(d) && std::trunc(d) == d;
  }
  if (type == "number") return value.is_number();
  if (type == "string") return value.is_string();
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "boolean") return value.is_boolean();
  if (type == "null") return value.is_null();
  return false;
}

std::string joined(const std::vector<std::string>& words, const std::string& last) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? last : ", ";
    out += words[i];
  }
  return out;
}

std::string with_article(const std::string& type) {
  if (type == "null") return "null";
  return (type == "integer" || type == "object" || type == "array" ? "an " : "a ") + type;
}

// 3 rather than 3.0 for a bound written as an integer.
std::string number_text(double d) {
  if (std::trunc(d) == d && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
  return json(d).dump();
}

std::size_t code_points(const std::string& text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

struct Failure {
  std::string path;
  std::string reason;
  std::vector<std::string> expected;  // set when the value itself is of the wrong kind: what would do
};

// Two passes: most records are valid, so the first only answers yes or no (no messages, no
// paths built); only a record that fails is walked again to say where and why.
class Checker {
 public:
  explicit Checker(bool explain) : explain_(explain) {}

  std::optional<Failure> check(const Node& node, const json& value, std::string& path) const {
    if (node.always) {
      if (*node.always) return std::nullopt;
      return failure([&] { return Failure{path, "is not allowed here", {}}; });
    }
    if (node.ref) {
      if (auto f = check(*node.ref, value, path)) return f;
    }
    if (!node.types.empty()) {
      bool any = false;
      for (const auto& t : node.types) any = any || has_type(value, t);
      if (!any) {
        return failure([&] {
          std::vector<std::string> expected;
          for (const auto& t : node.types) expected.push_back(with_article(t));
          return Failure{path, "is " + type_name(value) + ", should be " + joined(expected, " or "),
                         expected};
        });
      }
    }
    if (node.constant && value != *node.constant)
      return failure([&] {
        return Failure{
            path, "is " + shown(value) + ", should be " + shown(*node.constant), {shown(*node.constant)}};
      });
    if (node.one_of_values && std::find(node.one_of_values->begin(), node.one_of_values->end(), value) ==
                                  node.one_of_values->end()) {
      return failure([&] {
        std::vector<std::string> names;
        for (const auto& allowed : *node.one_of_values)
          names.push_back(allowed.is_string() ? allowed.get<std::string>() : allowed.dump());
        std::string options = "one of " + joined(names, ", ");
        return Failure{path, "is " + shown(value) + ", should be " + options, {options}};
      });
    }
    if (value.is_number()) {
      if (auto f = number(node, value, path)) return f;
    }
    if (value.is_string()) {
      if (auto f = string(node, value.get_ref<const std::string&>(), path)) return f;
    }
    if (value.is_array()) {
      if (auto f = array(node, value, path)) return f;
    }
    if (value.is_object()) {
      if (auto f = object(node, value, path)) return f;
    }
    for (const Node* part : node.all_of) {
      if (auto f = check(*part, value, path)) return f;
    }
    if (!node.any_of.empty()) {
      if (auto f = any_of(node, value, path)) return f;
    }
    if (node.negated && !check(*node.negated, value, path))
      return failure([&] { return Failure{path, "is " + shown(value) + ", which is not allowed here", {}}; });
    if (node.condition) {
      const Node* branch = check(*node.condition, value, path) ? node.else_branch : node.then_branch;
      if (branch) {
        if (auto f = check(*branch, value, path)) return f;
      }
    }
    return std::nullopt;
  }

 private:
  bool explain_;

  // The failure `make` describes when explaining, else an empty one (cheap).
  template <class Make>
  std::optional<Failure> failure(const Make& make) const {
    if (!explain_) return Failure{};
    return make();
  }

  std::optional<Failure> number(const Node& node, const json& value, const std::string& path) const {
    double d = value.get<double>();
    if (node.minimum && d < *node.minimum)
      return failure([&] {
        return Failure{
            path, "is " + value.dump() + ", less than the minimum " + number_text(*node.minimum), {}};
      });
    if (node.maximum && d > *node.maximum)
      return failure([&] {
        return Failure{
            path, "is " + value.dump() + ", more than the maximum " + number_text(*node.maximum), {}};
      });
    return std::nullopt;
  }

  std::optional<Failure> string(const Node& node, const std::string& text, const std::string& path) const {
    if (node.min_length && code_points(text) < *node.min_length)
      return failure([&] {
        return Failure{path, "is shorter than " + std::to_string(*node.min_length) + " characters", {}};
      });
    if (node.max_length && code_points(text) > *node.max_length)
      return failure([&] {
        return Failure{path, "is longer than " + std::to_string(*node.max_length) + " characters", {}};
      });
    if (node.pattern && !std::regex_search(text, *node.pattern))
      return failure([&] {
        return Failure{path, "is " + shown(json(text)) + ", which does not match " + node.pattern_text, {}};
      });
    return std::nullopt;
  }

  std::optional<Failure> array(const Node& node, const json& value, std::string& path) const {
    if (node.min_items && value.size() < *node.min_items)
      return failure([&] {
        return Failure{path,
                       "has " + std::to_string(value.size()) + " items, at least " +
                           std::to_string(*node.min_items) + " needed",
                       {}};
      });
    if (node.max_items && value.size() > *node.max_items)
      return failure([&] {
        return Failure{path,
                       "has " + std::to_string(value.size()) + " items, at most " +
                           std::to_string(*node.max_items) + " allowed",
                       {}};
      });
    for (std::size_t i = 0; i < value.size(); ++i) {
      const Node* item = i < node.prefix_items.size() ? node.prefix_items[i] : node.items;
      if (!item) continue;
      std::size_t length = path.size();
      if (explain_) path += "/" + std::to_string(i);
      auto f = check(*item, value[i], path);
      path.resize(length);
      if (f) return f;
    }
    return std::nullopt;
  }

  std::optional<Failure> object(const Node& node, const json& value, std::string& path) const {
    for (const auto& name : node.required) {
      if (!value.contains(name))
        return failure([&] { return Failure{path, "has no `" + name + "` (required)", {}}; });
    }
    for (auto it = value.begin(); it != value.end(); ++it) {
      // Named, not structured bindings: clang 14 cannot capture those in the lambdas below.
      const std::string& name = it.key();
      const json& member = it.value();
      if (node.property_names) {
        // Reported at the object, as a key is not a value with a path of its own.
        if (auto bad = check(*node.property_names, json(name), path)) {
          return failure([&] {
            return Failure{
                path,
                "has the key `" + name + "`, which " +
                    (bad->expected.empty() ? bad->reason : "should be " + joined(bad->expected, " or ")),
                {}};
          });
        }
      }
      std::size_t length = path.size();
      if (explain_) path += "/" + escape_pointer_token(name);
      std::optional<Failure> f;
      auto known = node.properties.find(name);
      if (known != node.properties.end()) {
        f = check(*known->second, member, path);
      } else if (node.additional) {
        if (node.additional->always == false) {
          path.resize(length);
          return failure([&] {
            return Failure{path, "has the key `" + name + "`, which is not allowed", {}};
          });
        }
        f = check(*node.additional, member, path);
      }
      path.resize(length);
      if (f) return f;
    }
    return std::nullopt;
  }

  // The most telling failure when no alternative fits: one found deeper inside the value (the
  // alternative of the right kind), else what each alternative would have taken.
  std::optional<Failure> any_of(const Node& node, const json& value, std::string& path) const {
    std::vector<Failure> failures;
    for (const Node* alternative : node.any_of) {
      auto f = check(*alternative, value, path);
      if (!f) return std::nullopt;
      failures.push_back(std::move(*f));
    }
    if (!explain_) return Failure{};
    const Failure* deepest = &failures.front();
    bool all_expected = true;
    std::vector<std::string> expected;
    for (const auto& f : failures) {
      if (f.path.size() > deepest->path.size()) deepest = &f;
      all_expected = all_expected && !f.expected.empty() && f.path == path;
      expected.insert(expected.end(), f.expected.begin(), f.expected.end());
    }
    if (all_expected)
      return Failure{path, "is " + shown(value) + ", should be " + joined(expected, " or "), expected};
    return *deepest;
  }
};

}  // namespace

std::optional<JsonSchema> JsonSchema::parse(const std::string& text, std::string& error) {
  json document = json::parse(text, nullptr, false);
  if (document.is_discarded()) {
    error = "not JSON";
    return std::nullopt;
  }
  Compiler compiler(document);
  compiler.compile(document, "");
  if (!compiler.error.empty()) {
    error = compiler.error;
    return std::nullopt;
  }
  JsonSchema schema;
  schema.nodes_ = std::make_shared<const Nodes>(std::move(compiler.nodes));
  return schema;
}

std::optional<JsonSchema> JsonSchema::load_installed(const std::string& name, std::string& error) {
  std::string path = runtime_home() + "/assets/schema/" + name;
  auto file = read_file(path, std::size_t{1} << 20);
  if (!file.text) {
    error = file.too_large ? "cannot read " + path + ": larger than 1 MiB" : file.error;
    return std::nullopt;
  }
  auto schema = parse(*file.text, error);
  if (!schema) error = path + ": " + error;
  return schema;
}

std::optional<SchemaViolation> JsonSchema::first_violation(const json& value) const {
  std::string path;
  if (!Checker(false).check(*nodes_->front(), value, path)) return std::nullopt;
  auto failure = Checker(true).check(*nodes_->front(), value, path);
  if (!failure) return std::nullopt;
  return SchemaViolation{failure->path, failure->reason};
}

}  // namespace attune::sim
