#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <span>

#include "attune/scoring/competencies.h"
#include "attune/scoring/rubric.h"
#include "attune/scoring/yaml_document.h"

namespace attune::scoring {
namespace {

using yaml::Node;
using Names = std::span<const std::string_view>;

constexpr std::array<std::string_view, 6> kTopKeys = {"attune-rubric", "id",    "version",
                                                      "title",         "scale", "competencies"};
constexpr std::array<std::string_view, 2> kReadinessKeys = {"proficient_sessions", "of_last"};
constexpr std::array<std::string_view, 4> kScaleKeys = {"max", "proficient", "developing", "violation_cap"};
constexpr std::array<std::string_view, 15> kCompetencyKeys = {"name",
                                                              "opportunities",
                                                              "opportunity_codes",
                                                              "method",
                                                              "violations",
                                                              "excused_by_preceding",
                                                              "good",
                                                              "good_when_preceded",
                                                              "good_within_next_turns",
                                                              "full_marks_ratio",
                                                              "voided_by",
                                                              "check_codes",
                                                              "check_points",
                                                              "followup_codes",
                                                              "followup_points"};
constexpr std::array<std::string_view, 4> kOpportunityKinds = {"every_turn", "word_turns", "turns_with",
                                                               "risk_turns"};
constexpr std::array<std::string_view, 3> kMethods = {"violations", "good", "safety"};

std::string number_text(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

class RubricReader {
 public:
  RubricReader(const std::string& file, Diagnostics& out) : file_(file), out_(out) {}

  void read(const Node& root, Rubric& r) {
    if (!root.is_map()) return error(root.mark, "a rubric is a mapping of keys", "wrong-type");
    std::vector<std::string_view> top(kTopKeys.begin(), kTopKeys.end());
    top.push_back("metrics");
    top.push_back("readiness");
    for (const auto& [key, value] : root.entries) {
      if (key->is_scalar() && std::find(top.begin(), top.end(), key->value) == top.end()) {
        error(key->mark,
              "unknown key '" + key->value + "' in the rubric" +
                  did_you_mean(closest_name(key->value, Names(top))),
              "unknown-key");
      }
    }
    for (std::string_view required : {"attune-rubric", "id", "competencies"}) {
      if (!root.find(required))
        error(root.mark, "missing required key '" + std::string(required) + "' in the rubric", "missing-key");
    }
    if (const Node* n = root.find("id")) r.id = text(*n);
    if (const Node* n = root.find("title")) r.title = text(*n);
    if (const Node* n = root.find("version")) r.version = static_cast<int>(number(*n, 1, 1000000));
    if (const Node* n = root.find("scale")) read_scale(*n, r);
    if (const Node* n = root.find("competencies")) read_competencies(*n, r);
    if (const Node* n = root.find("metrics")) read_metrics(*n, r);
    if (const Node* n = root.find("readiness")) read_readiness(*n, r);
  }

 private:
  void error(SourceMark at, std::string message, std::string rule) {
    out_.push_back(Diagnostic{file_, at, Severity::error, std::move(message), std::move(rule)});
  }

  std::string text(const Node& n) {
    if (n.is_scalar()) return n.value;
    error(n.mark, "should be text, not " + std::string(n.kind_name()), "wrong-type");
    return {};
  }

  double number(const Node& n, double low, double high) {
    double value = 0;
    if (n.is_scalar() && !n.quoted) {
      auto [end, ec] = std::from_chars(n.value.data(), n.value.data() + n.value.size(), value);
      if (ec == std::errc() && end == n.value.data() + n.value.size()) {
        if (value >= low && value <= high) return value;
        error(n.mark,
              "'" + n.value + "' is out of range (" + number_text(low) + " to " + number_text(high) + ")",
              "bad-value");
        return low;
      }
    }
    error(n.mark, "should be a number", "wrong-type");
    return low;
  }

  std::vector<Code> codes(const Node& n) {
    std::vector<Code> out;
    std::vector<const Node*> items;
    if (n.is_sequence())
      items = n.items;
    else if (n.is_scalar())
      items.push_back(&n);
    else
      error(n.mark, "should be a list of codes", "wrong-type");
    for (const Node* item : items) {
      auto code = item->is_scalar() ? code_from_name(item->value) : std::nullopt;
      if (code) {
        out.push_back(*code);
      } else {
        error(item->mark, "unknown code '" + (item->is_scalar() ? item->value : std::string()) + "'",
              "unknown-code");
      }
    }
    return out;
  }

  std::size_t one_of(const Node& n, Names names) {
    std::string value = text(n);
    auto it = std::find(names.begin(), names.end(), value);
    if (it != names.end()) return static_cast<std::size_t>(it - names.begin());
    error(n.mark, "'" + value + "' is not one of the known values" + did_you_mean(closest_name(value, names)),
          "bad-value");
    return 0;
  }

  void read_scale(const Node& n, Rubric& r) {
    if (!n.is_map()) return error(n.mark, "'scale' should be a mapping", "wrong-type");
    check_keys(n, "scale", kScaleKeys);
    if (const Node* v = n.find("max")) r.max_score = number(*v, 0.1, 100);
    if (const Node* v = n.find("proficient")) r.proficient_at = number(*v, 0, 100);
    if (const Node* v = n.find("developing")) r.developing_at = number(*v, 0, 100);
    if (const Node* v = n.find("violation_cap")) r.violation_cap = number(*v, 0, 100);
  }

  void read_readiness(const Node& n, Rubric& r) {
    if (!n.is_map()) return error(n.mark, "'readiness' should be a mapping", "wrong-type");
    check_keys(n, "readiness", kReadinessKeys);
    if (const Node* v = n.find("proficient_sessions"))
      r.readiness.proficient_sessions = static_cast<int>(number(*v, 1, 100));
    if (const Node* v = n.find("of_last")) r.readiness.of_last = static_cast<int>(number(*v, 1, 100));
    if (r.readiness.proficient_sessions > r.readiness.of_last) {
      error(n.mark,
            "readiness asks for " + std::to_string(r.readiness.proficient_sessions) +
                " proficient sessions of the last " + std::to_string(r.readiness.of_last) +
                "; 'proficient_sessions' cannot exceed 'of_last'",
            "bad-value");
    }
  }

  void check_keys(const Node& map, const std::string& where, Names allowed) {
    for (const auto& [key, value] : map.entries) {
      if (key->is_scalar() && std::find(allowed.begin(), allowed.end(), key->value) == allowed.end()) {
        error(
            key->mark,
            "unknown key '" + key->value + "' in " + where + did_you_mean(closest_name(key->value, allowed)),
            "unknown-key");
      }
    }
  }

  void read_competencies(const Node& n, Rubric& r) {
    if (!n.is_map())
      return error(n.mark, "'competencies' should be a mapping of competency ids", "wrong-type");
    std::vector<std::string_view> keys(kCompetencyKeys.begin(), kCompetencyKeys.end());
    keys.push_back("min");
    for (const auto& [key, value] : n.entries) {
      if (!key->is_scalar()) continue;
      if (!is_competency(key->value)) {
        error(key->mark,
              "unknown competency '" + key->value + "'" +
                  did_you_mean(closest_name(key->value, Names(kCompetencyIds))),
              "unknown-competency");
        continue;
      }
      if (!value->is_map()) {
        error(value->mark, "competency '" + key->value + "' should be a mapping", "wrong-type");
        continue;
      }
      check_keys(*value, "competency '" + key->value + "'", keys);
      CompetencyRule rule;
      rule.id = key->value;
      rule.name = key->value;
      const Node& c = *value;
      if (const Node* v = c.find("name")) rule.name = text(*v);
      if (const Node* v = c.find("opportunities"))
        rule.opportunities = static_cast<OpportunityKind>(one_of(*v, kOpportunityKinds));
      if (const Node* v = c.find("opportunity_codes")) rule.opportunity_codes = codes(*v);
      if (const Node* v = c.find("violations")) rule.violations = codes(*v);
      if (const Node* v = c.find("excused_by_preceding")) rule.excused_by_preceding = codes(*v);
      if (const Node* v = c.find("good")) rule.good = codes(*v);
      if (const Node* v = c.find("good_within_next_turns"))
        rule.good_within_next_turns = static_cast<int>(number(*v, 0, 10));
      if (const Node* v = c.find("full_marks_ratio")) rule.full_marks_ratio = number(*v, 0.01, 1);
      if (const Node* v = c.find("voided_by")) rule.voided_by = codes(*v);
      if (const Node* v = c.find("check_codes")) rule.check_codes = codes(*v);
      if (const Node* v = c.find("check_points")) rule.check_points = number(*v, 0, 100);
      if (const Node* v = c.find("followup_codes")) rule.followup_codes = codes(*v);
      if (const Node* v = c.find("followup_points")) rule.followup_points = number(*v, 0, 100);
      if (const Node* v = c.find("min")) rule.min_opportunities = static_cast<int>(number(*v, 1, 1000));
      if (const Node* v = c.find("good_when_preceded")) {
        if (!v->is_map()) {
          error(v->mark, "'good_when_preceded' maps a code to the codes that must come before it",
                "wrong-type");
        } else {
          for (const auto& [code_key, after] : v->entries) {
            auto code = code_key->is_scalar() ? code_from_name(code_key->value) : std::nullopt;
            if (!code) {
              error(code_key->mark, "unknown code '" + code_key->value + "'", "unknown-code");
              continue;
            }
            rule.good_when_preceded[*code] = codes(*after);
          }
        }
      }
      if (const Node* v = c.find("method")) {
        rule.method = static_cast<ScoringMethod>(one_of(*v, kMethods));
      } else if (!rule.good.empty()) {
        rule.method = ScoringMethod::good;
      }
      if (rule.opportunities == OpportunityKind::turns_with && rule.opportunity_codes.empty()) {
        error(c.mark, "competency '" + rule.id + "' counts 'turns_with' but lists no 'opportunity_codes'",
              "missing-key");
      }
      r.competencies.push_back(std::move(rule));
    }
    for (auto id : kCompetencyIds) {
      if (!r.find(id))
        error(n.mark, "the rubric does not score competency '" + std::string(id) + "'", "missing-key");
    }
  }

  void read_metrics(const Node& n, Rubric& r) {
    if (!n.is_map()) return error(n.mark, "'metrics' should be a mapping", "wrong-type");
    for (const auto& [key, value] : n.entries) {
      if (!key->is_scalar() || !value->is_map()) continue;
      MetricBands bands;
      if (const Node* v = value->find("fair")) bands.fair = number(*v, 0, 1000);
      if (const Node* v = value->find("good")) bands.good = number(*v, 0, 1000);
      r.metric_bands[key->value] = bands;
    }
  }

  const std::string& file_;
  Diagnostics& out_;
};

}  // namespace

bool looks_like_rubric(std::string_view text) {
  return text.starts_with("attune-rubric:") || text.find("\nattune-rubric:") != std::string_view::npos;
}

RubricLoad load_rubric(std::string_view text, const std::string& file) {
  RubricLoad result;
  auto read = yaml::read_document(text, file);
  result.diagnostics = std::move(read.diagnostics);
  if (!read.document) return result;
  Rubric rubric;
  RubricReader(file, result.diagnostics).read(*read.document->root, rubric);
  sort_by_position(result.diagnostics);
  if (!has_errors(result.diagnostics)) result.rubric = std::move(rubric);
  return result;
}

}  // namespace attune::scoring
