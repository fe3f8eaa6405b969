#include "attune/simulator/scenario_graph.h"

#include "attune/scoring/utf8.h"

namespace attune::sim {
namespace {

constexpr std::size_t kLineChars = 48;

// A DOT double-quoted string: quotes and backslashes escaped, "\n" kept as DOT's line break.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      out += "\\\"";
    } else if (c == '\\' && i + 1 < text.size() && text[i + 1] == 'n') {
      out += "\\n";
      ++i;
    } else if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string rule_label(const Rule& rule, std::size_t index) {
  std::string label = std::to_string(index + 1) + ". ";
  if (rule.when.empty()) {
    label += "any";
  } else {
    for (std::size_t i = 0; i < rule.when.size(); ++i) {
      label += (i == 0 ? "" : i % 2 == 0 ? ",\\n" : ", ") + std::string(scoring::code_name(rule.when[i]));
    }
  }
  for (const auto& c : rule.conditions) label += "\\nif " + c.text();
  return label;
}

std::string end_style(Outcome outcome) {
  switch (outcome) {
    case Outcome::engaged:
      return "shape=box, style=\"rounded,filled,bold\", peripheries=2, fillcolor=\"#d8efe0\"";
    case Outcome::referred:
      return "shape=house, style=filled, fillcolor=\"#dbe7f5\"";
    case Outcome::withdrew:
      return "shape=invhouse, style=filled, fillcolor=\"#eeeeee\"";
    case Outcome::escalated:
      return "shape=octagon, style=filled, fillcolor=\"#f6dcd8\"";
  }
  return "shape=box";
}

}  // namespace

std::string scenario_dot(const Scenario& s) {
  std::string out = "digraph " + quoted(s.id) + " {\n";
  out += "  label=" + quoted(s.title + " (" + s.id + ")") +
         ";\n  labelloc=t;\n  rankdir=TB;\n  fontname=\"DejaVu Sans\";\n";
  out += "  node [shape=box, style=rounded, fontname=\"DejaVu Sans\", fontsize=10];\n";
  out += "  edge [fontname=\"DejaVu Sans\", fontsize=9];\n";
  for (const Node& n : s.nodes) {
    std::string label =
        n.id + (n.id == s.start ? " (start)" : "") + "\\n" + shorten_utf8(n.client, kLineChars);
    std::string attrs;
    if (n.end) {
      const Outcome outcome = n.outcome.value_or(Outcome::withdrew);
      label += "\\nend: " + std::string(outcome_name(outcome));
      attrs = end_style(outcome);
    } else {
      label += "\\nmood: " + std::string(mood_name(n.mood));
      if (n.risk) {
        label += "\\nRISK";
        attrs = "peripheries=2, color=\"#b03a2e\"";
      }
    }
    out += "  " + quoted(n.id) + " [label=" + quoted(label) + (attrs.empty() ? "" : ", " + attrs) + "];\n";
  }
  for (const Node& n : s.nodes) {
    for (std::size_t i = 0; i < n.respond.size(); ++i) {
      out += "  " + quoted(n.id) + " -> " + quoted(n.respond[i].target) +
             " [label=" + quoted(rule_label(n.respond[i], i)) + "];\n";
    }
    if (n.otherwise && !n.is_choices()) {
      out += "  " + quoted(n.id) + " -> " + quoted(*n.otherwise) + " [label=\"otherwise\", style=dashed];\n";
    }
    for (std::size_t i = 0; i < n.choices.size(); ++i) {
      out += "  " + quoted(n.id) + " -> " + quoted(n.choices[i].target) + " [label=" +
             quoted("choice " + std::to_string(i + 1) + "\\n" + shorten_utf8(n.choices[i].text, 32)) + "];\n";
    }
  }
  return out + "}\n";
}

}  // namespace attune::sim
