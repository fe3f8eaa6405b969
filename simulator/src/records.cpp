#include "attune/simulator/records.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <random>

#include "attune/scoring/coder.h"
#include "attune/simulator/file_io.h"
#include "attune/simulator/runtime_paths.h"
#include "attune/simulator/sha256.h"
#include "attune/simulator/signed_text.h"

namespace attune::sim {
namespace fs = std::filesystem;
namespace {

using nlohmann::json;

std::string utc_now(const char* format) {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, format, &tm);
  return buffer;
}

json optional_json(const auto& value) {
  return value ? json(*value) : json(nullptr);
}

std::string random_hex(int bytes) {
  std::random_device random;
  std::string out;
  static constexpr char kDigits[] = "0123456789abcdef";
  for (int i = 0; i < bytes; ++i) {
    auto byte = random() & 0xFFu;
    out += kDigits[byte >> 4];
    out += kDigits[byte & 0xF];
  }
  return out;
}

}  // namespace

// Confidences are rounded to two decimals: finer digits would be noise, not information.
json codes_json(const std::vector<scoring::CodeEvidence>& codes) {
  json out = json::array();
  for (const auto& c : codes) {
    out.push_back({{"code", scoring::code_name(c.code)},
                   {"span", c.span ? json::array({c.span->first, c.span->second}) : json(nullptr)},
                   {"rule", c.rule},
                   {"confidence", std::round(c.confidence * 100.0) / 100.0}});
  }
  return out;
}

std::string now_iso8601() {
  return utc_now("%Y-%m-%dT%H:%M:%SZ");
}

std::string new_session_id() {
  return utc_now("%Y%m%dT%H%M%SZ") + "-" + random_hex(4);
}

bool is_valid_trainee_id(const std::string& id) {
  if (id.empty() || id.size() > 64 || id == "." || id == "..") return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

json turn_json(const Turn& t) {
  json out = {{"index", t.index},
              {"node", t.node},
              {"client", t.client},
              {"kind", turn_kind_name(t.kind)},
              {"response", optional_json(t.response)},
              {"choice", optional_json(t.choice)},
              {"space_ms", t.space_ms},
              {"latency_ms", optional_json(t.latency_ms)},
              {"silence_ms", optional_json(t.silence_ms)},
              {"codes", codes_json(t.codes)},
              {"said", optional_json(t.said)},
              {"feedback", optional_json(t.feedback)}};
  if (t.coder_codes) out["coder_codes"] = codes_json(*t.coder_codes);
  return out;
}

std::vector<scoring::ScoredTurn> scored_turns(const Session& session) {
  std::vector<scoring::ScoredTurn> out;
  for (const Turn& t : session.turns()) {
    scoring::ScoredTurn s;
    s.silent_pass = t.kind == TurnKind::silence;
    s.risk = t.risk;
    for (const auto& c : t.codes) s.codes.push_back(c.code);
    out.push_back(std::move(s));
  }
  return out;
}

json session_record(const Session& session, const scoring::Rubric& rubric, const RecordMeta& meta) {
  const Scenario& scenario = session.scenario();
  json turns = json::array();
  std::vector<bool> timed;
  for (const Turn& t : session.turns()) {
    turns.push_back(turn_json(t));
    timed.push_back(t.latency_ms.has_value() || t.silence_ms.has_value());
  }
  auto scored = scored_turns(session);
  json competencies = json::object();
  for (const auto& c : rubric.score(scored, scenario.competencies)) {
    competencies[c.id] = {{"score", optional_json(c.score)},
                          {"status", c.status},
                          {"opportunities", c.opportunities},
                          {"evidence", c.evidence},
                          {"focus", c.focus}};
  }
  auto m = rubric.metrics(scored, timed);
  json metrics = {{"reflection_question_ratio", optional_json(m.reflection_question_ratio)},
                  {"percent_complex_reflections", optional_json(m.percent_complex_reflections)},
                  {"percent_open_questions", optional_json(m.percent_open_questions)},
                  {"advice_count", m.advice_count},
                  {"boundary_crossings", m.boundary_crossings},
                  {"silent_passes", m.silent_passes},
                  {"interruptions", m.interruptions},
                  {"timed_turns", m.timed_turns}};
  auto outcome = session.outcome();
  return json{
      {"format", "attune-session/1"},
      {"id", meta.id},
      {"trainee", meta.trainee},
      {"scenario",
       {{"id", scenario.id},
        {"title", scenario.title},
        {"sha256", scenario.sha256},
        {"level", scenario.level}}},
      {"mode", session_mode_name(session.mode())},
      {"started", meta.started},
      {"ended", optional_json(meta.ended)},
      {"complete", meta.complete},
      {"scorer",
       {{"version", scoring::coder_version()}, {"rubric", rubric.id}, {"rubric_sha256", meta.rubric_sha256}}},
      {"retry_of", meta.retry_of ? json{{"session", meta.retry_of->session}, {"turn", meta.retry_of->turn}}
                                 : json(nullptr)},
      {"turns", std::move(turns)},
      {"competencies", std::move(competencies)},
      {"metrics", std::move(metrics)},
      {"self_rating", optional_json(meta.self_rating)},
      {"outcome", outcome ? json(outcome_name(*outcome)) : json(nullptr)}};
}

void sign_record(json& record, const std::string& key) {
  record.erase("integrity");
  std::string mac = hmac_sha256_hex(key, record.dump());
  record["integrity"] = {{"hmac_sha256", mac}};
}

// nlohmann::json copies and dumps recursively: a hostile record nested thousands deep would
// overflow the stack, so its depth is measured first, without recursion.
bool nesting_within(const json& value, std::size_t max_depth) {
  std::vector<std::pair<const json*, std::size_t>> pending{{&value, 1}};
  while (!pending.empty()) {
    auto [node, depth] = pending.back();
    pending.pop_back();
    if (depth > max_depth) return false;
    if (node->is_structured()) {
      for (const auto& child : *node) pending.emplace_back(&child, depth + 1);
    }
  }
  return true;
}

bool record_signature_ok(const json& record, const std::string& key) {
  constexpr std::size_t kMaxRecordDepth = 64;  // a real record nests 5 deep
  if (!record.is_object() || !nesting_within(record, kMaxRecordDepth)) return false;
  if (!record.contains("integrity") || !record["integrity"].contains("hmac_sha256")) return false;
  json body = record;
  body.erase("integrity");
  return record["integrity"]["hmac_sha256"] == hmac_sha256_hex(key, body.dump());
}

bool record_signature_ok_in_place(json& record, const std::string& key) {
  constexpr std::size_t kMaxRecordDepth = 64;
  if (!record.is_object() || !nesting_within(record, kMaxRecordDepth)) return false;
  auto it = record.find("integrity");
  if (it == record.end() || !it->is_object() || !it->contains("hmac_sha256")) return false;
  json integrity = std::move(*it);
  record.erase(it);
  bool ok = integrity["hmac_sha256"] == hmac_sha256_hex(key, record.dump());
  record["integrity"] = std::move(integrity);
  return ok;
}

bool record_signature_ok_as_written(std::string_view text, const json& record, const std::string& key) {
  constexpr std::size_t kMaxBracketDepth = 16;  // a real record nests 5 deep; deeper ones take the slow path
  if (!record.is_object()) return false;
  auto integrity = record.find("integrity");
  if (integrity == record.end() || !integrity->is_object()) return false;
  auto mac = integrity->find("hmac_sha256");
  if (mac == integrity->end() || !mac->is_string()) return false;
  auto body = signed_text_of(text, kMaxBracketDepth);
  return body && mac->get_ref<const std::string&>() == hmac_sha256_hex(key, *body);
}

KeyResult programme_key() {
  if (const char* value = std::getenv("ATTUNE_KEY"); value != nullptr && *value != '\0') return {value, {}};
  std::string path = key_file_path();
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto existing = read_file(path, 4096);
    if (existing.text) {
      std::string key = *existing.text;
      while (!key.empty() && (key.back() == '\n' || key.back() == '\r')) key.pop_back();
      if (key.empty())
        return {{}, "the key file " + path + " is empty; restore the programme key or set ATTUNE_KEY"};
      return {key, {}};
    }
    if (existing.too_large) return {{}, "the key file " + path + " is not a key (over 4 KiB); restore it"};
    // Only a missing key file is made anew: replacing an unreadable one would orphan every record.
    if (!existing.missing) return {{}, existing.error};
    if (auto error = make_private_dir(fs::path(path).parent_path().string(), true)) return {{}, *error};
    std::string temp = path + ".new-" + random_hex(8);
    if (auto error = write_file_atomically(temp, random_hex(32) + "\n")) return {{}, *error};
    // link() never replaces: if another process made the key first, its key wins and we read it.
    int linked = ::link(temp.c_str(), path.c_str());
    int link_errno = errno;
    ::unlink(temp.c_str());
    if (linked != 0 && link_errno != EEXIST) {
      return {{}, "cannot create the key file " + path + ": " + std::strerror(link_errno)};
    }
  }
  return {{}, "cannot read the key file " + path};
}

std::optional<std::string> RecordsStore::prepare() const {
  if (auto error = make_private_dir(root_)) return error;
  for (const char* sub : {"/sessions", "/journal", "/scenarios"}) {
    if (auto error = make_private_dir(root_ + sub, true)) return error;
  }
  return std::nullopt;
}

std::string RecordsStore::session_path(const std::string& trainee, const std::string& id) const {
  return root_ + "/sessions/" + trainee + "/" + id + ".json";
}

std::string RecordsStore::journal_path(const std::string& id) const {
  return root_ + "/journal/" + id + ".jsonl";
}

std::optional<std::string> RecordsStore::keep_scenario_copy(const Scenario& scenario) const {
  std::string path = root_ + "/scenarios/" + scenario.sha256 + ".yaml";
  std::error_code ec;
  if (fs::exists(path, ec)) return std::nullopt;
  return write_file_atomically(path, scenario.source_text);
}

std::optional<std::string> RecordsStore::write_session(const json& record) const {
  std::string trainee = record.at("trainee").get<std::string>();
  std::string id = record.at("id").get<std::string>();
  if (auto error = make_private_dir(root_ + "/sessions/" + trainee, true)) return error;
  return write_file_atomically(session_path(trainee, id), record.dump(2) + "\n");
}

Journal::Journal(const RecordsStore& store, const std::string& session_id)
    : path_(store.journal_path(session_id)) {}

std::optional<std::string> Journal::start(const json& header) {
  if (auto error = append_line_durably(path_, header.dump())) return error;
  return sync_directory(fs::path(path_).parent_path().string());  // the new journal itself must survive
}

std::optional<std::string> Journal::append(const Turn& turn) {
  return append_line_durably(path_, turn_json(turn).dump());
}

void Journal::remove() {
  std::error_code ec;
  fs::remove(path_, ec);
}

}  // namespace attune::sim
