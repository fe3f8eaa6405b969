#include "attune/simulator/report_digest.h"

#include <openssl/crypto.h>
#include <simdjson.h>

#include <cstdint>

#include "attune/simulator/sha256.h"

namespace attune::sim {

const std::string& report_digest_format() {
  static const std::string format = "attune-report-digest/1 (attune " ATTUNE_VERSION ")";
  return format;
}

namespace {

using nlohmann::json;

json optional_text(const std::optional<std::string>& value) {
  return value ? json(*value) : json();
}

bool same_mac(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

// [id, score or null, status, opportunities, [evidence turns], focus]: a cohort holds hundreds of
// thousands of these, so they are arrays rather than objects.
json score_row(const scoring::CompetencyScore& s) {
  return json::array(
      {s.id, s.score ? json(*s.score) : json(), s.status, s.opportunities, s.evidence, s.focus});
}

std::optional<scoring::CompetencyScore> read_score_row(simdjson::dom::element element) {
  simdjson::dom::array row;
  if (element.get(row) != simdjson::SUCCESS || row.size() != 6) return std::nullopt;
  scoring::CompetencyScore s;
  std::string_view id, status;
  std::int64_t opportunities = 0;
  simdjson::dom::array evidence;
  if (row.at(0).get(id) != simdjson::SUCCESS || row.at(2).get(status) != simdjson::SUCCESS ||
      row.at(3).get(opportunities) != simdjson::SUCCESS || row.at(4).get(evidence) != simdjson::SUCCESS ||
      row.at(5).get(s.focus) != simdjson::SUCCESS)
    return std::nullopt;
  s.id = id;
  s.status = status;
  s.opportunities = static_cast<int>(opportunities);
  if (double score = 0; row.at(1).get(score) == simdjson::SUCCESS) {
    s.score = score;
  } else if (!row.at(1).is_null()) {
    return std::nullopt;
  }
  s.evidence.reserve(evidence.size());
  for (simdjson::dom::element turn : evidence) {
    std::int64_t index = 0;
    if (turn.get(index) != simdjson::SUCCESS) return std::nullopt;
    s.evidence.push_back(static_cast<int>(index));
  }
  return s;
}

// The HMAC covers what the digest is bound to as well as its text, so a digest answers only for the
// session, record text, rubric and format it was made for, without repeating them in every row.
std::string signature(std::string_view text, const DigestBinding& binding, const std::string& key) {
  std::string signed_text;
  signed_text.reserve(text.size() + 256);
  // Each bound value with its length before it, so no two bindings read alike.
  for (std::string_view part :
       {std::string_view(report_digest_format()), std::string_view(binding.session->id),
        std::string_view(binding.session->trainee), binding.record_sha256, binding.rubric_sha256}) {
    signed_text += std::to_string(part.size());
    signed_text += ':';
    signed_text += part;
    signed_text += '\n';
  }
  signed_text += text;
  return hmac_sha256_hex(key, signed_text);
}

}  // namespace

ReportDigest make_report_digest(const ReviewedSession& view, const DigestBinding& binding,
                                const std::string& key) {
  json scores = json::array();
  for (const auto& s : view.automatic) scores.push_back(score_row(s));
  json ratings;
  if (view.self_rating) ratings = *view.self_rating;
  json digest = {{"scenario_id", view.scenario_id},
                 {"scenario_title", view.scenario_title},
                 {"mode", view.mode},
                 {"started", view.started},
                 {"ended", optional_text(view.ended)},
                 {"complete", view.complete},
                 {"outcome", optional_text(view.outcome)},
                 {"practice_seconds", view.practice_seconds},
                 {"untimed", view.untimed},
                 {"self_rating", ratings},
                 {"scores", scores}};
  ReportDigest out;
  out.text = digest.dump();
  out.hmac = signature(out.text, binding, key);
  return out;
}

std::optional<ReviewedSession> read_report_digest(std::string_view text, std::string_view hmac,
                                                  const DigestBinding& binding, const std::string& key) {
  if (!same_mac(hmac, signature(text, binding, key))) return std::nullopt;
  // A cohort's report reads a digest per session: simdjson, one parser per thread, no tree copied.
  thread_local simdjson::dom::parser parser;
  simdjson::dom::object d;
  if (parser.parse(text.data(), text.size()).get(d) != simdjson::SUCCESS) return std::nullopt;
  auto member = [&](const char* name, std::string_view& out) {
    return d[name].get(out) == simdjson::SUCCESS;
  };
  ReviewedSession view;
  view.id = binding.session->id;
  view.trainee = binding.session->trainee;
  for (auto [name, field] :
       {std::pair{"scenario_id", &view.scenario_id}, std::pair{"scenario_title", &view.scenario_title},
        std::pair{"mode", &view.mode}, std::pair{"started", &view.started}}) {
    std::string_view value;
    if (!member(name, value)) return std::nullopt;
    *field = value;
  }
  for (auto [name, field] : {std::pair{"ended", &view.ended}, std::pair{"outcome", &view.outcome}}) {
    std::string_view value;
    if (member(name, value)) {
      *field = std::string(value);
    } else if (!d[name].is_null()) {
      return std::nullopt;
    }
  }
  std::int64_t seconds = 0;
  simdjson::dom::array scores;
  if (d["complete"].get(view.complete) != simdjson::SUCCESS ||
      d["practice_seconds"].get(seconds) != simdjson::SUCCESS ||
      d["untimed"].get(view.untimed) != simdjson::SUCCESS || d["scores"].get(scores) != simdjson::SUCCESS)
    return std::nullopt;
  view.practice_seconds = seconds;
  simdjson::dom::object ratings;
  if (d["self_rating"].get(ratings) == simdjson::SUCCESS) {
    std::map<std::string, int> out;
    for (auto [id, value] : ratings) {
      std::int64_t rating = 0;
      if (value.get(rating) != simdjson::SUCCESS) return std::nullopt;
      out[std::string(id)] = static_cast<int>(rating);
    }
    view.self_rating = std::move(out);
  } else if (!d["self_rating"].is_null()) {
    return std::nullopt;
  }
  view.automatic.reserve(scores.size());
  for (simdjson::dom::element row : scores) {
    auto score = read_score_row(row);
    if (!score) return std::nullopt;
    view.automatic.push_back(std::move(*score));
  }
  // A digest is only made of a session without review lines: nothing corrected.
  view.corrected = view.automatic;
  return view;
}

}  // namespace attune::sim
