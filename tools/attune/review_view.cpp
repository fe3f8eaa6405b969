#include "review_view.h"

#include <cstdio>
#include <sstream>

#include "attune/simulator/json_member.h"

namespace attune::cli {
namespace {

using nlohmann::json;

std::string score_text(const std::optional<double>& score, const std::string& status) {
  std::string out = "-";
  if (score) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.1f", *score);
    out = buffer;
  }
  std::string words = status;
  for (char& c : words) c = c == '_' ? ' ' : c;
  return out + " " + words;
}

std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

std::string bracketed(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : ", ") + c;
  return "[" + out + "]";
}

std::string number_or_dash(const json& value) {
  if (!value.is_number()) return "-";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value.get<double>());
  return buffer;
}

}  // namespace

std::string code_with_evidence(const json& turn, const json& code) {
  std::string out = code.value("code", "?");
  const json& span = sim::member_or_null(code, "span");
  if (span.is_array() && span.size() == 2 && span[0].is_number_unsigned() && span[1].is_number_unsigned() &&
      turn.contains("response") && turn["response"].is_string()) {
    const auto& text = turn["response"].get_ref<const std::string&>();
    auto begin = span[0].get<std::size_t>();
    auto end = span[1].get<std::size_t>();
    if (begin < end && end <= text.size()) out += ": \"" + text.substr(begin, end - begin) + "\"";
  }
  return out;
}

std::string render_review(const json& record, const sim::ReviewedSession& view,
                          const scoring::Rubric& rubric) {
  std::ostringstream out;
  out << "Review: " << view.scenario_title << " (" << view.scenario_id << "), " << view.mode << " session "
      << view.id << ", trainee " << view.trainee << "\n";
  out << "Started " << view.started << ", ended " << view.ended.value_or("-") << ", outcome "
      << view.outcome.value_or("none") << (view.complete ? "" : "  [incomplete session]") << "\n\n";
  const json& turns = record["turns"];
  for (std::size_t i = 0; i < turns.size(); ++i) {
    const json& turn = turns[i];
    out << "Turn " << i << " at '" << turn.value("node", "") << "'\n";
    out << "  Client:  " << turn.value("client", "") << "\n";
    if (turn.value("kind", "") == "silence") {
      out << "  Trainee: (held silence)\n";
    } else {
      out << "  Trainee: " << (turn["response"].is_string() ? turn["response"].get<std::string>() : "")
          << "\n";
    }
    out << "  Codes:  ";
    if (!turn.contains("codes") || turn["codes"].empty()) out << " none";
    if (turn.contains("codes")) {
      for (const json& code : turn["codes"]) out << " [" << code_with_evidence(turn, code) << "]";
    }
    out << "\n";
    for (const auto& e : view.reviews) {
      if (e.kind == sim::ReviewKind::override_codes && e.turn && static_cast<std::size_t>(*e.turn) == i)
        out << "  Corrected by " << e.by << " (" << e.when << "): " << bracketed(e.old_codes) << " -> "
            << bracketed(e.new_codes) << ": " << e.reason << "\n";
    }
    out << "\n";
  }
  bool overridden = view.overridden();
  out << "Competencies (0.0-4.0; * marks this scenario's focus"
      << (overridden ? "; automatic -> corrected from the supervisor's codes" : "") << ")\n";
  out << "  " << pad("competency", 28) << pad("automatic", 26) << (overridden ? pad("corrected", 28) : "")
      << pad("chances", 9) << "turns\n";
  for (std::size_t i = 0; i < view.automatic.size() && i < view.corrected.size(); ++i) {
    const auto& a = view.automatic[i];
    const auto& c = view.corrected[i];
    std::string evidence;
    for (int t : c.evidence) evidence += (evidence.empty() ? "" : ",") + std::to_string(t);
    const auto* rule = rubric.find(a.id);
    out << (c.focus ? "* " : "  ") << pad(rule ? rule->id : a.id, 28)
        << pad(score_text(a.score, a.status), 26);
    if (overridden) {
      bool changed = a.score != c.score || a.status != c.status;
      out << pad(std::string(changed ? "-> " : "   ") + score_text(c.score, c.status), 28);
    }
    out << pad(std::to_string(c.opportunities), 9) << evidence << "\n";
  }
  const json& m = record.contains("metrics") ? record["metrics"] : json::object();
  out << "\nSummary (automatic codes, MITI 4.2.1 bands)\n";
  out << "  reflections per question:  " << number_or_dash(m.value("reflection_question_ratio", json()))
      << "  (fair 1.0, good 2.0)\n";
  out << "  complex reflections:       " << number_or_dash(m.value("percent_complex_reflections", json()))
      << "%  (fair 40%, good 50%)\n";
  out << "  open questions:            " << number_or_dash(m.value("percent_open_questions", json()))
      << "%\n";
  out << "  advice given:              " << m.value("advice_count", 0) << "\n";
  out << "  boundary crossings:        " << m.value("boundary_crossings", 0) << "\n";
  out << "  silences held:             " << m.value("silent_passes", 0) << "\n";
  out << "  interruptions:             " << m.value("interruptions", 0) << "\n";
  out << "\nReview trail:";
  if (view.reviews.empty()) out << " none";
  out << "\n";
  for (const auto& e : view.reviews) {
    if (e.kind == sim::ReviewKind::sign_off) {
      out << "  " << e.when << "  signed off by " << e.by << (e.reason.empty() ? "" : ": " + e.reason)
          << "\n";
    } else {
      out << "  " << e.when << "  turn " << e.turn.value_or(-1) << " corrected by " << e.by << ": "
          << bracketed(e.old_codes) << " -> " << bracketed(e.new_codes) << ": " << e.reason << "\n";
    }
  }
  for (const auto& p : view.review_problems)
    out << "  WARNING: the review file fails verification: " << p << "\n";
  return out.str();
}

}  // namespace attune::cli
