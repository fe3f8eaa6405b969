#include "attune/simulator/report_digest.h"

#include <openssl/crypto.h>

#include "attune/simulator/json_member.h"
#include "attune/simulator/sha256.h"

namespace attune::sim {
namespace {

using nlohmann::json;

json optional_text(const std::optional<std::string>& value) {
  return value ? json(*value) : json();
}

std::optional<std::string> read_optional_text(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  return std::nullopt;
}

bool same_mac(const std::string& a, const std::string& b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

// [id, score or null, status, opportunities, [evidence turns], focus]: a cohort holds hundreds of
// thousands of these, so they are arrays rather than objects.
json score_row(const scoring::CompetencyScore& s) {
  return json::array(
      {s.id, s.score ? json(*s.score) : json(), s.status, s.opportunities, s.evidence, s.focus});
}

std::optional<scoring::CompetencyScore> read_score_row(const json& row) {
  if (!row.is_array() || row.size() != 6 || !row[0].is_string() ||
      !(row[1].is_number() || row[1].is_null()) || !row[2].is_string() || !row[3].is_number_integer() ||
      !row[4].is_array() || !row[5].is_boolean())
    return std::nullopt;
  scoring::CompetencyScore s;
  s.id = row[0].get<std::string>();
  if (row[1].is_number()) s.score = row[1].get<double>();
  s.status = row[2].get<std::string>();
  s.opportunities = row[3].get<int>();
  for (const auto& turn : row[4]) {
    if (!turn.is_number_integer()) return std::nullopt;
    s.evidence.push_back(turn.get<int>());
  }
  s.focus = row[5].get<bool>();
  return s;
}

}  // namespace

const std::string& report_digest_format() {
  static const std::string format = "attune-report-digest/1 (attune " ATTUNE_VERSION ")";
  return format;
}

ReportDigest make_report_digest(const ReviewedSession& view, const DigestBinding& binding,
                                const std::string& key) {
  json scores = json::array();
  for (const auto& s : view.automatic) scores.push_back(score_row(s));
  json ratings;
  if (view.self_rating) ratings = *view.self_rating;
  json digest = {{"format", report_digest_format()},
                 {"session", binding.session->id},
                 {"trainee", binding.session->trainee},
                 {"record_sha256", binding.record_sha256},
                 {"rubric_sha256", binding.rubric_sha256},
                 {"scenario_id", view.scenario_id},
                 {"scenario_title", view.scenario_title},
                 {"mode", view.mode},
                 {"started", view.started},
                 {"ended", optional_text(view.ended)},
                 {"complete", view.complete},
                 {"outcome", optional_text(view.outcome)},
                 {"practice_seconds", view.practice_seconds},
                 {"untimed", view.untimed},
                 {"self_rating", ratings},
                 {"scores", scores},
                 {"codes", view.automatic_codes}};
  ReportDigest out;
  out.text = digest.dump();
  out.hmac = hmac_sha256_hex(key, out.text);
  return out;
}

std::optional<ReviewedSession> read_report_digest(const ReportDigest& digest, const DigestBinding& binding,
                                                  const std::string& key) {
  if (!same_mac(digest.hmac, hmac_sha256_hex(key, digest.text))) return std::nullopt;
  json d = json::parse(digest.text, nullptr, false);
  if (!d.is_object()) return std::nullopt;
  auto text = [&](const char* name) -> const std::string* {
    const json& value = member_or_null(d, name);
    return value.is_string() ? &value.get_ref<const std::string&>() : nullptr;
  };
  const std::string* format = text("format");
  const std::string* session = text("session");
  const std::string* trainee = text("trainee");
  const std::string* record_sha256 = text("record_sha256");
  const std::string* rubric_sha256 = text("rubric_sha256");
  if (!format || *format != report_digest_format() || !session || *session != binding.session->id ||
      !trainee || *trainee != binding.session->trainee || !record_sha256 ||
      *record_sha256 != binding.record_sha256 || !rubric_sha256 || *rubric_sha256 != binding.rubric_sha256)
    return std::nullopt;

  ReviewedSession view;
  view.id = *session;
  view.trainee = *trainee;
  for (auto [name, field] :
       {std::pair{"scenario_id", &view.scenario_id}, std::pair{"scenario_title", &view.scenario_title},
        std::pair{"mode", &view.mode}, std::pair{"started", &view.started}}) {
    const std::string* value = text(name);
    if (!value) return std::nullopt;
    *field = *value;
  }
  view.ended = read_optional_text(member_or_null(d, "ended"));
  view.outcome = read_optional_text(member_or_null(d, "outcome"));
  const json& complete = member_or_null(d, "complete");
  const json& seconds = member_or_null(d, "practice_seconds");
  const json& untimed = member_or_null(d, "untimed");
  const json& ratings = member_or_null(d, "self_rating");
  const json& scores = member_or_null(d, "scores");
  const json& codes = member_or_null(d, "codes");
  if (!complete.is_boolean() || !seconds.is_number_integer() || !untimed.is_boolean() ||
      !(ratings.is_object() || ratings.is_null()) || !scores.is_array() || !codes.is_array())
    return std::nullopt;
  view.complete = complete.get<bool>();
  view.practice_seconds = seconds.get<long long>();
  view.untimed = untimed.get<bool>();
  if (ratings.is_object()) {
    std::map<std::string, int> out;
    for (const auto& [id, value] : ratings.items()) {
      if (!value.is_number_integer()) return std::nullopt;
      out[id] = value.get<int>();
    }
    view.self_rating = std::move(out);
  }
  for (const auto& row : scores) {
    auto score = read_score_row(row);
    if (!score) return std::nullopt;
    view.automatic.push_back(std::move(*score));
  }
  for (const auto& turn : codes) {
    if (!turn.is_array()) return std::nullopt;
    std::vector<std::string> names;
    for (const auto& code : turn) {
      if (!code.is_string()) return std::nullopt;
      names.push_back(code.get<std::string>());
    }
    view.automatic_codes.push_back(std::move(names));
  }
  // A digest is only made of a session without review lines: nothing corrected.
  view.corrected = view.automatic;
  view.corrected_codes = view.automatic_codes;
  return view;
}

}  // namespace attune::sim
