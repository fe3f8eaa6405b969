#include "attune/simulator/debrief.h"

#include <cstdio>
#include <sstream>

#include "attune/scoring/yaml_document.h"
#include "attune/simulator/file_io.h"

namespace attune::sim {
namespace {

using nlohmann::json;

std::string seconds(const json& ms) {
  if (!ms.is_number()) return "-";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f s", ms.get<double>() / 1000.0);
  return buffer;
}

std::string number_or_dash(const json& value, const char* format = "%.1f") {
  if (!value.is_number()) return "-";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, format, value.get<double>());
  return buffer;
}

std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

std::string evidence(const json& turn, const json& code) {
  std::string out = code.value("code", "?");
  const json& span = code["span"];
  if (span.is_array() && span.size() == 2 && turn["response"].is_string()) {
    auto text = turn["response"].get<std::string>();
    auto begin = span[0].get<std::size_t>();
    auto end = span[1].get<std::size_t>();
    if (begin < end && end <= text.size()) out += " \"" + text.substr(begin, end - begin) + "\"";
  }
  return out + " [" + code.value("rule", "") + "]";
}

}  // namespace

std::vector<CrisisResource> load_crisis_resources(const std::string& runtime_home) {
  std::vector<CrisisResource> out;
  std::string path = runtime_home + "/assets/resources.yaml";
  auto file = read_file(path, 1 << 20);
  if (!file.text) return out;
  auto read = yaml::read_document(*file.text, path);
  if (!read.document || !read.document->root->is_map()) return out;
  const yaml::Node* list = read.document->root->find("resources");
  if (list == nullptr || !list->is_sequence()) return out;
  for (const yaml::Node* item : list->items) {
    if (!item->is_map()) continue;
    CrisisResource r;
    if (const yaml::Node* v = item->find("region"); v && v->is_scalar()) r.region = v->value;
    if (const yaml::Node* v = item->find("name"); v && v->is_scalar()) r.name = v->value;
    if (const yaml::Node* v = item->find("contact"); v && v->is_scalar()) r.contact = v->value;
    if (!r.name.empty()) out.push_back(r);
  }
  return out;
}

std::string render_debrief(const json& record, const Scenario* scenario,
                           const std::vector<CrisisResource>& resources) {
  std::ostringstream out;
  const json& sc = record["scenario"];
  out << "Debrief: " << sc.value("title", "") << " (" << sc.value("id", "") << "), "
      << record.value("mode", "") << " session " << record.value("id", "") << "\n";
  out << "Outcome: "
      << (record["outcome"].is_string() ? record["outcome"].get<std::string>() : "none (unfinished)")
      << (record.value("complete", false) ? "" : "  [incomplete session]") << "\n\n";

  for (const json& turn : record["turns"]) {
    out << "Turn " << turn.value("index", 0) << " at '" << turn.value("node", "") << "'\n";
    out << "  Client: " << turn.value("client", "") << "\n";
    std::string kind = turn.value("kind", "");
    if (kind == "silence") {
      out << "  You: (held silence for " << seconds(turn["silence_ms"]) << ")\n";
    } else {
      out << "  You: " << (turn["response"].is_string() ? turn["response"].get<std::string>() : "") << "\n";
      out << "  Timing: replied after " << seconds(turn["latency_ms"]) << " (the client needed "
          << seconds(turn["space_ms"]) << ")\n";
    }
    out << "  Codes:";
    if (turn["codes"].empty()) out << " none";
    for (const json& code : turn["codes"]) out << "\n    - " << evidence(turn, code);
    out << "\n";
    if (turn.contains("coder_codes")) {
      out << "  The coder read the option as:";
      for (const json& code : turn["coder_codes"]) out << "\n    - " << evidence(turn, code);
      out << "\n";
    }
    if (turn["said"].is_string()) out << "  Client added: " << turn["said"].get<std::string>() << "\n";
    if (turn["feedback"].is_string()) out << "  Coach: " << turn["feedback"].get<std::string>() << "\n";
    if (scenario != nullptr) {
      const Node* node = scenario->find(turn.value("node", ""));
      bool short_of = turn["feedback"].is_string() &&
                      turn["feedback"].get<std::string>().find("Try instead") != std::string::npos;
      if (node != nullptr && short_of && node->model_responses.size() > 1) {
        out << "  Other ways to respond:\n";
        for (const auto& model : node->model_responses) out << "    * " << model << "\n";
      }
    }
    out << "\n";
  }

  out << "Competencies (0.0-4.0; * marks this scenario's focus)\n";
  out << "  " << pad("competency", 30) << pad("score", 7) << pad("status", 23) << pad("chances", 9)
      << "turns\n";
  for (const auto& [id, c] : record["competencies"].items()) {
    std::string turns;
    for (const json& t : c["evidence"]) {
      if (!turns.empty()) turns += ',';
      turns += std::to_string(t.get<int>());
    }
    std::string status = c.value("status", "");
    for (char& ch : status) ch = ch == '_' ? ' ' : ch;
    out << (c.value("focus", false) ? "* " : "  ") << pad(id, 30) << pad(number_or_dash(c["score"]), 7)
        << pad(status, 23) << pad(std::to_string(c.value("opportunities", 0)), 9) << turns << "\n";
  }
  const json& m = record["metrics"];
  out << "\nSummary (MITI 4.2.1 bands)\n";
  out << "  reflections per question:  " << number_or_dash(m["reflection_question_ratio"])
      << "  (fair 1.0, good 2.0)\n";
  out << "  complex reflections:       " << number_or_dash(m["percent_complex_reflections"], "%.0f%%")
      << "  (fair 40%, good 50%)\n";
  out << "  open questions:            " << number_or_dash(m["percent_open_questions"], "%.0f%%") << "\n";
  out << "  advice given:              " << m.value("advice_count", 0) << "\n";
  out << "  boundary crossings:        " << m.value("boundary_crossings", 0) << "\n";
  out << "  silences held:             " << m.value("silent_passes", 0) << "\n";
  out << "  interruptions:             " << m.value("interruptions", 0) << "\n";
  if (record["self_rating"].is_object()) {
    out << "\nYour self-rating (1-4):";
    for (const auto& [id, rating] : record["self_rating"].items())
      out << " " << id << "=" << rating.get<int>();
    out << "\n";
  }
  if (scenario != nullptr && scenario->has_risk() && !resources.empty()) {
    out << "\nIf this session touched something close to home, support is there:\n";
    for (const auto& r : resources) out << "  " << r.name << " (" << r.region << "): " << r.contact << "\n";
  }
  return out.str();
}

}  // namespace attune::sim
