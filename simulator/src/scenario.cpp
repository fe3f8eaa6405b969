#include "attune/simulator/scenario.h"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace attune::sim {

std::string_view mood_name(Mood mood) {
  static constexpr std::array<std::string_view, 6> kNames = {"calm",  "guarded", "distressed",
                                                             "angry", "hopeful", "tearful"};
  return kNames.at(static_cast<std::size_t>(mood));
}

std::string_view outcome_name(Outcome outcome) {
  static constexpr std::array<std::string_view, 4> kNames = {"engaged", "withdrew", "referred", "escalated"};
  return kNames.at(static_cast<std::size_t>(outcome));
}

bool Comparison::holds(long long actual) const {
  switch (op) {
    case CompareOp::lt:
      return actual < value;
    case CompareOp::le:
      return actual <= value;
    case CompareOp::eq:
      return actual == value;
    case CompareOp::ne:
      return actual != value;
    case CompareOp::ge:
      return actual >= value;
    case CompareOp::gt:
      return actual > value;
  }
  return false;
}

std::string Comparison::text() const {
  static constexpr std::array<std::string_view, 6> kOps = {"<", "<=", "==", "!=", ">=", ">"};
  return var + " " + std::string(kOps.at(static_cast<std::size_t>(op))) + " " + std::to_string(value);
}

const Node* Scenario::find(const std::string& node_id) const {
  auto it = node_index.find(node_id);
  return it == node_index.end() ? nullptr : &nodes[it->second];
}

const Node& Scenario::node(const std::string& node_id) const {
  const Node* found = find(node_id);
  if (found == nullptr) throw std::logic_error("no node " + node_id);
  return *found;
}

bool Scenario::has_risk() const {
  return std::any_of(nodes.begin(), nodes.end(), [](const Node& n) { return n.risk; });
}

}  // namespace attune::sim
