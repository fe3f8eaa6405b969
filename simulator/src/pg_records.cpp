#include "attune/simulator/pg_records.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <pqxx/pqxx>
#include <unordered_map>
#include <utility>

#include "attune/simulator/records.h"
#include "attune/simulator/sha256.h"

namespace attune::sim::pg {
namespace {

using nlohmann::json;

// pg_advisory_xact_lock keys: migrations run one at a time; reviews of a session chain in turn.
constexpr long long kMigrationLock = 0x617474756e65;  // "attune"
constexpr std::size_t kScanBatch = 512;               // rows fetched per round trip while scanning

const char* const kPutSession = R"sql(
WITH sc AS (
  INSERT INTO scenarios (sha256, yaml) SELECT $5, $6 WHERE $6 <> '' ON CONFLICT (sha256) DO NOTHING
), s AS (
  INSERT INTO sessions (id, trainee, scenario_id, mode, scenario_sha256, started, ended, complete, body,
                        record_text, record_sha256)
  VALUES ($1, $2, $3, $4, $5, NULLIF($7, '')::timestamptz, NULLIF($8, '')::timestamptz, $9::boolean,
          $10::jsonb, $11, $12)
  ON CONFLICT DO NOTHING
  RETURNING id, trainee, body
), t AS (
  INSERT INTO turns (session_id, trainee, turn_index, node, kind, codes)
  SELECT s.id, s.trainee, (t.n - 1)::integer, t.value->>'node', t.value->>'kind',
         ARRAY(SELECT c->>'code' FROM jsonb_array_elements(
                 CASE WHEN jsonb_typeof(t.value->'codes') = 'array' THEN t.value->'codes' ELSE '[]'::jsonb END) c)
    FROM s, jsonb_array_elements(
              CASE WHEN jsonb_typeof(s.body->'turns') = 'array' THEN s.body->'turns' ELSE '[]'::jsonb END)
            WITH ORDINALITY AS t(value, n)
), c AS (
  INSERT INTO competency_results (session_id, trainee, competency, score, status, opportunities, focus)
  SELECT s.id, s.trainee, c.key,
         CASE WHEN jsonb_typeof(c.value->'score') = 'number' THEN (c.value->>'score')::double precision END,
         coalesce(c.value->>'status', ''),
         CASE WHEN jsonb_typeof(c.value->'opportunities') = 'number'
              THEN (c.value->>'opportunities')::numeric::integer END,
         CASE WHEN jsonb_typeof(c.value->'focus') = 'boolean' THEN (c.value->>'focus')::boolean END
    FROM s, jsonb_each(CASE WHEN jsonb_typeof(s.body->'competencies') = 'object'
                            THEN s.body->'competencies' ELSE '{}'::jsonb END) c
)
SELECT count(*) FROM s
)sql";

const char* const kReviewText =
    "SELECT string_agg(line || E'\\n', '' ORDER BY seq), count(*) FROM reviews WHERE session_id = $1";

// A session's report digest counts only when this role or an attune_admin member made it (everyone
// who makes digests holds the programme key, so a fellow supervisor's could say anything, while an
// administrator can already write any session), it names the record text stored now, and the
// session has no review lines (a review changes what the report shows); $3 '' is every trainee.
const char* const kReportDigests = R"sql(
SELECT s.id, s.record_sha256, d.digest, d.hmac, d.made_by = current_user::text
  FROM sessions s
  JOIN report_digests d
    ON d.session_id = s.id AND d.trainee = s.trainee AND d.format = $1 AND d.rubric_sha256 = $2
   AND d.record_sha256 = s.record_sha256
 WHERE ($3 = '' OR (s.trainee = $3 AND d.trainee = $3))
   AND (d.made_by = current_user::text
        OR d.made_by IN (SELECT r.rolname::text FROM pg_catalog.pg_roles r
                          WHERE pg_catalog.pg_has_role(r.oid, 'attune_admin', 'MEMBER')))
   AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.session_id = s.id)
)sql";

// Only digests the role may keep are offered (its supervised trainees' sessions, as stored now), so
// one session gone or not supervised does not cost the others theirs.
const char* const kPutReportDigests = R"sql(
INSERT INTO report_digests (format, rubric_sha256, session_id, trainee, record_sha256, digest, hmac)
SELECT $1, $2, u.session_id, u.trainee, u.record_sha256, u.digest, u.hmac
  FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
       AS u(session_id, trainee, record_sha256, digest, hmac)
  JOIN sessions s ON s.id = u.session_id AND s.trainee = u.trainee AND s.record_sha256 = u.record_sha256
 WHERE attune_supervises(u.trainee)
ON CONFLICT (session_id, format, rubric_sha256, made_by) DO UPDATE
   SET record_sha256 = excluded.record_sha256, digest = excluded.digest, hmac = excluded.hmac,
       made_at = excluded.made_at
)sql";

// libpq waits for an unanswering server as long as TCP does (minutes); a trainee at the end of a
// session should get the offline fallback well before that, unless the URL asks otherwise.
std::string with_connect_timeout(const std::string& url) {
  if (url.find("connect_timeout=") != std::string::npos) return url;
  return url + (url.find('?') == std::string::npos ? "?" : "&") + "connect_timeout=10";
}

bool is_sha256_hex(const std::string& text) {
  return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// A PostgreSQL array literal of `items` ({"a","b"}), for `= ANY($1::text[])`.
std::string text_array(const std::vector<std::string>& items, std::size_t begin, std::size_t end) {
  std::string out = "{";
  for (std::size_t i = begin; i < end; ++i) {
    if (i > begin) out += ',';
    out += '"';
    for (char c : items[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

std::string string_member(const json& object, const char* name) {
  if (!object.is_object()) return {};
  auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// What a failed statement means for people; row-level security refusals say whose rows they were.
std::string explain(const std::exception& e, const std::string& location) {
  if (dynamic_cast<const pqxx::broken_connection*>(&e) != nullptr)
    return "lost the connection to the records database " + location + ": " + e.what();
  if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e); sql != nullptr) {
    if (sql->sqlstate() == "42501")
      return "the records database " + location +
             " refused this for your role (row-level security or privileges, docs/postgresql.md): " +
             e.what();
  }
  std::string what = e.what();
  while (!what.empty() && (what.back() == '\n' || what.back() == ' ')) what.pop_back();
  return "the records database " + location + " failed: " + what;
}

class PostgresRecords final : public RecordsBackend {
 public:
  PostgresRecords(std::string url, std::unique_ptr<pqxx::connection> connection)
      : location_(redact_url(url)), connection_(std::move(connection)) {
    connection_->prepare("attune_put_session", kPutSession);
    connection_->prepare("attune_session_text", "SELECT record_text FROM sessions WHERE id = $1");
    connection_->prepare("attune_review_text", kReviewText);
  }

  std::string location() const override { return location_; }
  std::optional<std::string> prepare() override { return std::nullopt; }
  std::optional<std::string> take_failure() override {
    std::lock_guard lock(mutex_);
    if (failure_.empty()) return std::nullopt;
    return std::exchange(failure_, std::string());
  }

  PutResult put_session(const json& record, const std::string& record_text,
                        const std::string& scenario_yaml) override {
    return put_sessions({SessionPut{&record, &record_text, &scenario_yaml}}).front();
  }

  std::vector<PutResult> put_sessions(const std::vector<SessionPut>& puts) override {
    std::vector<PutResult> out(puts.size());
    std::lock_guard lock(mutex_);
    std::vector<bool> settled = settle_stored(puts, out);
    try {
      pqxx::work work(*connection_);
      pending_scenarios_.clear();
      for (std::size_t i = 0; i < puts.size(); ++i) {
        if (!settled[i]) out[i] = put_one(work, puts[i]);
      }
      work.commit();
      stored_scenarios_.insert(pending_scenarios_.begin(), pending_scenarios_.end());
      return out;
    } catch (const std::exception& e) {
      if (puts.size() == 1 || dynamic_cast<const pqxx::broken_connection*>(&e) != nullptr) {
        for (auto& r : out) r = PutResult{PutStatus::stored, explain(e, location_)};
        return out;
      }
    }
    // One of the batch was refused: each on its own, so the others still go in.
    for (std::size_t i = 0; i < puts.size(); ++i) {
      if (settled[i]) continue;
      try {
        pqxx::work work(*connection_);
        pending_scenarios_.clear();
        out[i] = put_one(work, puts[i]);
        work.commit();
        stored_scenarios_.insert(pending_scenarios_.begin(), pending_scenarios_.end());
      } catch (const std::exception& e) {
        out[i] = PutResult{PutStatus::stored, explain(e, location_)};
      }
    }
    return out;
  }

  std::vector<SessionFile> list_sessions(const std::optional<std::string>& trainee) override {
    std::vector<SessionFile> out;
    std::lock_guard lock(mutex_);
    try {
      pqxx::read_transaction read(*connection_);
      pqxx::result rows =
          trainee ? read.exec_params(
                        "SELECT id, trainee FROM sessions WHERE trainee = $1 ORDER BY trainee, id", *trainee)
                  : read.exec("SELECT id, trainee FROM sessions ORDER BY trainee, id");
      out.reserve(rows.size());
      for (const auto& row : rows) out.push_back(session_ref(row[0].c_str(), row[1].c_str()));
    } catch (const std::exception& e) {
      failure_ = explain(e, location_);
    }
    return out;
  }

  std::optional<SessionFile> find_session(const std::string& argument) override {
    if (argument.empty() || argument.find('/') != std::string::npos) return std::nullopt;
    std::lock_guard lock(mutex_);
    try {
      pqxx::read_transaction read(*connection_);
      auto rows = read.exec_params("SELECT id, trainee FROM sessions WHERE id = $1", argument);
      if (rows.empty()) return std::nullopt;
      return session_ref(rows[0][0].c_str(), rows[0][1].c_str());
    } catch (const std::exception& e) {
      failure_ = explain(e, location_);
      return std::nullopt;
    }
  }

  void scan(const std::vector<SessionFile>& sessions, const std::string& key,
            const std::function<void(std::size_t, ScannedSession&)>& on_worker,
            const std::function<void(std::size_t, ScannedSession&&)>& on_session,
            const std::function<void(const ScanProblem&)>& on_problem) override {
    unsigned workers = scan_workers();
    std::vector<std::string> ids;
    ids.reserve(sessions.size());
    for (const auto& s : sessions) ids.push_back(s.id);
    // Views into the batch's result rows: the workers read the texts where libpq put them, so no
    // record is copied on this thread and freed on another (glibc's arenas made that the hot spot).
    std::vector<std::optional<std::string_view>> texts;
    pqxx::result rows;
    std::vector<SessionCheck> checks;
    std::vector<std::optional<ScannedSession>> scanned;
    for (std::size_t begin = 0; begin < sessions.size(); begin += kScanBatch) {
      std::size_t end = std::min(sessions.size(), begin + kScanBatch);
      texts.assign(end - begin, std::nullopt);
      std::string fetch_error = fetch_batch(ids, begin, end, rows, texts);
      checks.assign(end - begin, SessionCheck{});
      scanned.assign(end - begin, std::nullopt);
      parallel_for(end - begin, workers, [&](std::size_t k) {
        if (!texts[k]) {
          checks[k].problem =
              fetch_error.empty() ? "no longer in the database (or not visible to your role)" : fetch_error;
          return;
        }
        checks[k] = check_session_text(*texts[k], sessions[begin + k], key);
        if (!checks[k].record) return;
        // The hash of the very bytes just checked, which a report digest made from them names.
        scanned[k] = ScannedSession{sessions[begin + k], std::move(*checks[k].record), sha256_hex(*texts[k])};
        if (on_worker) on_worker(begin + k, *scanned[k]);
      });
      for (std::size_t k = 0; k < end - begin; ++k) {
        if (scanned[k]) {
          on_session(begin + k, std::move(*scanned[k]));
          scanned[k].reset();
        } else {
          on_problem(ScanProblem{sessions[begin + k].path, checks[k].problem});
        }
      }
    }
    std::lock_guard lock(cache_mutex_);
    review_cache_.clear();
  }

  SessionCheck read_session(const SessionFile& session, const std::string& key) override {
    SessionCheck out;
    auto text = session_text(session);
    if (!text) {
      auto failed = take_failure();
      out.problem = failed ? *failed : "no longer in the database (or not visible to your role)";
      return out;
    }
    return check_session_text(*text, session, key);
  }
  std::optional<std::string> session_text(const SessionFile& session) override {
    std::lock_guard lock(mutex_);
    try {
      pqxx::read_transaction read(*connection_);
      auto rows = read.exec_prepared("attune_session_text", session.id);
      if (rows.empty()) return std::nullopt;
      return std::string(rows[0][0].c_str(), rows[0][0].size());
    } catch (const std::exception& e) {
      failure_ = explain(e, location_);
      return std::nullopt;
    }
  }

  std::optional<std::string> scenario_yaml(const std::string& sha256) override {
    if (!is_sha256_hex(sha256)) return std::nullopt;
    std::lock_guard lock(mutex_);
    try {
      pqxx::read_transaction read(*connection_);
      auto rows = read.exec_params("SELECT yaml FROM scenarios WHERE sha256 = $1", sha256);
      if (rows.empty()) return std::nullopt;
      std::string yaml(rows[0][0].c_str(), rows[0][0].size());
      // The schema checks the hash on the way in; a copy restored from elsewhere is checked here.
      if (sha256_hex(yaml) != sha256) return std::nullopt;
      return yaml;
    } catch (const std::exception& e) {
      failure_ = explain(e, location_);
      return std::nullopt;
    }
  }
  ScenarioCopies::Source scenario_source() override {
    return [this](const std::string& sha256) { return scenario_yaml(sha256); };
  }

  ReviewLog review_log(const std::string& session_id, const std::string& key) override {
    {
      std::lock_guard lock(cache_mutex_);
      if (auto it = review_cache_.find(session_id); it != review_cache_.end())
        return parse_review_log(it->second, session_id, key);
    }
    std::string error;
    auto text = read_review_text(session_id, error);
    ReviewLog log = parse_review_log(text, session_id, key);
    if (!error.empty()) {
      // Unread is not "no reviews": the session's sign-offs and overrides must not vanish.
      log.exists = true;
      log.problems.push_back("its review lines could not be read: " + error);
    }
    return log;
  }
  std::string review_location(const std::string& session_id) const override {
    return location_ + " reviews/" + session_id;
  }

  std::optional<std::string> append_review(const ReviewEntry& entry, const std::string& key) override {
    std::lock_guard lock(mutex_);
    try {
      pqxx::work work(*connection_);
      work.exec_params("SELECT pg_advisory_xact_lock(hashtext('attune-review:' || $1))", entry.session);
      auto session = work.exec_params("SELECT trainee FROM sessions WHERE id = $1", entry.session);
      if (session.empty())
        return "no session " + entry.session + " in " + location_ + " (or not visible to you)";
      auto stored = work.exec_prepared("attune_review_text", entry.session);
      std::optional<std::string> text;
      if (!stored[0][0].is_null()) text = stored[0][0].c_str();
      ReviewLog log = parse_review_log(text, entry.session, key);
      if (!log.problems.empty()) {
        return review_location(entry.session) + " fails verification (" + log.problems.front() +
               "); it is kept as it is for inspection";
      }
      std::string line = review_line(entry, log, key);
      work.exec_params(
          "INSERT INTO reviews (session_id, trainee, seq, line, entry) VALUES ($1, $2, $3, $4::text, "
          "($4::text)::jsonb)",
          entry.session, session[0][0].c_str(), stored[0][1].as<long>() + 1, line);
      work.commit();
      return std::nullopt;
    } catch (const std::exception& e) {
      return explain(e, location_);
    }
  }

  std::optional<std::string> review_text(const std::string& session_id) override {
    std::string error;
    auto text = read_review_text(session_id, error);
    if (!error.empty()) {
      std::lock_guard lock(mutex_);
      failure_ = error;
    }
    return text;
  }

  PutResult put_review_text(const std::string& session_id, const std::string&,
                            const std::string& text) override {
    PutResult out;
    std::lock_guard lock(mutex_);
    try {
      pqxx::work work(*connection_);
      work.exec_params("SELECT pg_advisory_xact_lock(hashtext('attune-review:' || $1))", session_id);
      auto stored = work.exec_prepared("attune_review_text", session_id);
      std::string before = stored[0][0].is_null() ? std::string() : std::string(stored[0][0].c_str());
      if (before == text) {
        out.status = PutStatus::unchanged;
        return out;
      }
      if (!text.starts_with(before)) {
        out.status = PutStatus::conflict;
        return out;
      }
      long seq = stored[0][1].as<long>();
      std::size_t begin = before.size();
      while (begin < text.size()) {
        std::size_t end = text.find('\n', begin);
        if (end == std::string::npos) end = text.size();
        work.exec_params(
            "INSERT INTO reviews (session_id, trainee, seq, line, entry) "
            "SELECT $1::text, trainee, $2, $3::text, ($3::text)::jsonb FROM sessions WHERE id = $1::text",
            session_id, ++seq, text.substr(begin, end - begin));
        begin = end + 1;
      }
      work.commit();
    } catch (const std::exception& e) {
      out.error = explain(e, location_);
    }
    return out;
  }

  // Review rows reference their session (a foreign key), so none can be left without one.
  std::vector<std::string> orphan_reviews(const std::set<std::string>&) override { return {}; }

  std::optional<std::string> audit_upload(const std::string& trainee, int sessions) override {
    std::lock_guard lock(mutex_);
    try {
      pqxx::work work(*connection_);
      work.exec_params("INSERT INTO audit (action, trainee, sessions) VALUES ('sync', $1, $2)", trainee,
                       sessions);
      work.commit();
      return std::nullopt;
    } catch (const std::exception& e) {
      return explain(e, location_);
    }
  }

  ProgressRebuild rebuild_progress(const std::string& trainee, const scoring::Rubric& rubric,
                                   const std::string& key) override {
    ProgressRebuild out;
    out.path = location_ + " progress/" + trainee;
    // Two rebuilds of one trainee (a review and a play) run one after the other, so the later
    // write always saw every session the earlier one did.
    if (auto error = progress_lock(trainee, true)) {
      out.error = *error;
      return out;
    }
    struct Unlock {
      PostgresRecords* self;
      const std::string& trainee;
      ~Unlock() { self->progress_lock(trainee, false); }
    } unlock{this, trainee};
    take_failure();
    auto sessions = list_sessions(trainee);
    if (auto failed = take_failure()) {
      out.error = *failed;
      return out;
    }
    ScenarioCopies copies(scenario_source());
    std::vector<ReviewedSession> views(sessions.size());
    std::vector<bool> good(sessions.size(), false);
    scan(
        sessions, key,
        [&](std::size_t i, ScannedSession& s) {
          views[i] = review_session(s.record, review_log(s.file.id, key), rubric, copies);
          good[i] = true;
        },
        [](std::size_t, ScannedSession&&) {}, [&](const ScanProblem& p) { out.skipped.push_back(p); });
    std::vector<const ReviewedSession*> kept;
    for (std::size_t i = 0; i < views.size(); ++i) {
      if (good[i]) kept.push_back(&views[i]);
    }
    std::string body = progress_json(trainee, kept, rubric).dump();
    std::lock_guard lock(mutex_);
    try {
      pqxx::work work(*connection_);
      work.exec_params(
          "INSERT INTO progress (trainee, body) VALUES ($1, $2::jsonb) "
          "ON CONFLICT (trainee) DO UPDATE SET body = EXCLUDED.body, updated_at = now()",
          trainee, body);
      work.commit();
    } catch (const std::exception& e) {
      out.error = explain(e, location_);
    }
    return out;
  }

 private:
  SessionFile session_ref(const std::string& id, const std::string& trainee) const {
    return SessionFile{location_ + " sessions/" + trainee + "/" + id, trainee, id};
  }

  // A batch's sessions that are stored already are answered from their stored hash, without
  // sending them again (a repeated sync of a large directory); true for each one answered.
  std::vector<bool> settle_stored(const std::vector<SessionPut>& puts, std::vector<PutResult>& out) {
    std::vector<bool> settled(puts.size(), false);
    if (puts.size() < 2) return settled;
    std::vector<std::string> ids;
    for (const auto& p : puts) ids.push_back(string_member(*p.record, "id"));
    std::map<std::string, std::string> stored;
    try {
      pqxx::read_transaction read(*connection_);
      auto rows = read.exec_params("SELECT id, record_sha256 FROM sessions WHERE id = ANY($1::text[])",
                                   text_array(ids, 0, ids.size()));
      for (const auto& row : rows) stored.emplace(row[0].c_str(), row[1].c_str());
    } catch (const std::exception&) {
      return settled;  // the writes answer for every session instead
    }
    for (std::size_t i = 0; i < puts.size(); ++i) {
      auto it = stored.find(ids[i]);
      if (it == stored.end()) continue;
      out[i].status =
          sha256_hex(*puts[i].record_text) == it->second ? PutStatus::unchanged : PutStatus::conflict;
      settled[i] = true;
    }
    return settled;
  }

  PutResult put_one(pqxx::work& work, const SessionPut& put) {
    PutResult out;
    const json& record = *put.record;
    std::string id = string_member(record, "id");
    std::string trainee = string_member(record, "trainee");
    const json& scenario = record.contains("scenario") ? record["scenario"] : json();
    std::string sha = string_member(scenario, "sha256");
    if (id.empty() || !is_valid_trainee_id(trainee) || !is_sha256_hex(sha)) {
      out.error =
          "not a session record attune can file (its id, trainee or scenario.sha256 is missing or bad)";
      return out;
    }
    // Each scenario copy goes up once a connection; the statement adds it when the database lacks it.
    bool send_copy = stored_scenarios_.count(sha) == 0;
    if (send_copy && sha256_hex(*put.scenario_yaml) != sha) {
      out.error = "its scenario copy is not the version it names (scenario.sha256 " + sha + ")";
      return out;
    }
    bool complete =
        record.contains("complete") && record["complete"].is_boolean() && record["complete"].get<bool>();
    auto inserted = work.exec_prepared(
        "attune_put_session", id, trainee, string_member(scenario, "id"), string_member(record, "mode"), sha,
        send_copy ? *put.scenario_yaml : std::string(), string_member(record, "started"),
        string_member(record, "ended"), complete ? "true" : "false", record.dump(), *put.record_text,
        sha256_hex(*put.record_text));
    pending_scenarios_.push_back(sha);
    if (inserted[0][0].as<long>() == 1) return out;
    auto stored = work.exec_prepared("attune_session_text", id);
    out.status = !stored.empty() && *put.record_text == stored[0][0].c_str() ? PutStatus::unchanged
                                                                             : PutStatus::conflict;
    return out;
  }

  // The record texts of sessions [begin, end) into `texts`, and their review lines into the
  // cache review_log reads (the workers must not wait for the connection one session at a time).
  std::string fetch_batch(const std::vector<std::string>& ids, std::size_t begin, std::size_t end,
                          pqxx::result& rows, std::vector<std::optional<std::string_view>>& texts) {
    std::map<std::string, std::size_t> where;
    for (std::size_t i = begin; i < end; ++i) where.emplace(ids[i], i - begin);
    std::map<std::string, std::optional<std::string>> reviews;
    for (std::size_t i = begin; i < end; ++i) reviews.emplace(ids[i], std::nullopt);
    std::string array = text_array(ids, begin, end);
    std::lock_guard lock(mutex_);
    try {
      pqxx::read_transaction read(*connection_);
      rows = read.exec_params("SELECT id, record_text FROM sessions WHERE id = ANY($1::text[])", array);
      for (const auto& row : rows) {
        auto it = where.find(row[0].c_str());
        if (it != where.end()) texts[it->second] = std::string_view(row[1].c_str(), row[1].size());
      }
      auto lines = read.exec_params(
          "SELECT session_id, string_agg(line || E'\\n', '' ORDER BY seq) FROM reviews "
          "WHERE session_id = ANY($1::text[]) GROUP BY session_id",
          array);
      for (const auto& row : lines) reviews[row[0].c_str()] = std::string(row[1].c_str(), row[1].size());
    } catch (const std::exception& e) {
      // Nothing half-read goes on: a text without its review lines would look unreviewed.
      std::fill(texts.begin(), texts.end(), std::nullopt);
      std::lock_guard cache(cache_mutex_);
      review_cache_.clear();
      return explain(e, location_);
    }
    std::lock_guard cache(cache_mutex_);
    review_cache_ = std::move(reviews);
    return {};
  }

  std::optional<std::string> progress_lock(const std::string& trainee, bool take) {
    std::lock_guard lock(mutex_);
    try {
      pqxx::nontransaction work(*connection_);
      work.exec_params(take ? "SELECT pg_advisory_lock(hashtext('attune-progress:' || $1))"
                            : "SELECT pg_advisory_unlock(hashtext('attune-progress:' || $1))",
                       trainee);
      return std::nullopt;
    } catch (const std::exception& e) {
      return explain(e, location_);
    }
  }

  std::optional<std::string> read_review_text(const std::string& session_id, std::string& error) {
    std::lock_guard lock(mutex_);
    try {
      pqxx::read_transaction read(*connection_);
      auto rows = read.exec_prepared("attune_review_text", session_id);
      if (rows[0][0].is_null()) return std::nullopt;
      return std::string(rows[0][0].c_str());
    } catch (const std::exception& e) {
      error = explain(e, location_);
      return std::nullopt;
    }
  }

  bool keeps_report_digests() const override { return true; }

  StoredDigests report_digests(const std::vector<SessionFile>& sessions,
                               const std::string& rubric_sha256) override {
    StoredDigests out{nullptr, std::vector<std::optional<StoredDigest>>(sessions.size())};
    if (sessions.empty()) return out;
    std::unordered_map<std::string_view, std::size_t> where;
    where.reserve(sessions.size());
    bool one_trainee = true;
    for (std::size_t i = 0; i < sessions.size(); ++i) {
      where.emplace(sessions[i].id, i);
      one_trainee = one_trainee && sessions[i].trainee == sessions.front().trainee;
    }
    std::lock_guard lock(mutex_);
    try {
      pqxx::read_transaction read(*connection_);
      // The digests are read where libpq put them (a cohort's are a hundred megabytes).
      auto rows = std::make_shared<pqxx::result>(
          read.exec_params(kReportDigests, report_digest_format(), rubric_sha256,
                           one_trainee ? sessions.front().trainee : ""));
      for (const auto& row : *rows) {
        auto it = where.find(std::string_view(row[0].c_str(), row[0].size()));
        // The role's own digest first, an administrator's otherwise.
        if (it == where.end() || (out.at[it->second] && !row[4].as<bool>())) continue;
        out.at[it->second] = StoredDigest{std::string_view(row[2].c_str(), row[2].size()),
                                          std::string_view(row[3].c_str(), row[3].size()),
                                          std::string_view(row[1].c_str(), row[1].size())};
      }
      out.rows = std::move(rows);
    } catch (const std::exception&) {
      // Without digests every session is checked in full: slower, never wrong.
      out = StoredDigests{nullptr, std::vector<std::optional<StoredDigest>>(sessions.size())};
    }
    return out;
  }

  std::optional<std::string> put_report_digests(const std::vector<DigestPut>& puts,
                                                const std::string& rubric_sha256) override {
    constexpr std::size_t kDigestBatch = 2000;
    std::lock_guard lock(mutex_);
    try {
      pqxx::work work(*connection_);
      // A trainee may not keep digests and a standby keeps none: nothing to do, nothing wrong.
      auto may = work.exec(
          "SELECT has_table_privilege('report_digests', 'INSERT') AND NOT pg_is_in_recovery() "
          "AND current_setting('transaction_read_only') = 'off'")[0][0];
      if (!may.as<bool>()) return std::nullopt;
      for (std::size_t begin = 0; begin < puts.size(); begin += kDigestBatch) {
        std::size_t end = std::min(puts.size(), begin + kDigestBatch);
        std::vector<std::string> columns[5];
        for (std::size_t i = begin; i < end; ++i) {
          columns[0].push_back(puts[i].session->id);
          columns[1].push_back(puts[i].session->trainee);
          columns[2].push_back(puts[i].record_sha256);
          columns[3].push_back(puts[i].digest.text);
          columns[4].push_back(puts[i].digest.hmac);
        }
        std::size_t n = end - begin;
        work.exec_params(kPutReportDigests, report_digest_format(), rubric_sha256,
                         text_array(columns[0], 0, n), text_array(columns[1], 0, n),
                         text_array(columns[2], 0, n), text_array(columns[3], 0, n),
                         text_array(columns[4], 0, n));
      }
      work.commit();
      return std::nullopt;
    } catch (const std::exception& e) {
      return explain(e, location_);
    }
  }

  std::string location_;
  std::unique_ptr<pqxx::connection> connection_;
  std::mutex mutex_;  // the connection is used by one thread at a time
  std::mutex cache_mutex_;
  std::map<std::string, std::optional<std::string>> review_cache_;  // the scan's current batch
  std::string failure_;                         // the last read that failed, for callers that ask
  std::set<std::string> stored_scenarios_;      // scenario copies known to be in the database
  std::vector<std::string> pending_scenarios_;  // ... once the transaction writing them commits
};

}  // namespace

int latest_schema_version() {
  return migrations().empty() ? 0 : migrations().back().version;
}

std::string redact_url(const std::string& url) {
  std::string out = url;
  // postgresql://USER:PASSWORD@HOST → postgresql://USER@HOST
  if (auto scheme = out.find("://"); scheme != std::string::npos) {
    auto at = out.find('@', scheme + 3);
    auto slash = out.find('/', scheme + 3);
    if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
      auto colon = out.find(':', scheme + 3);
      if (colon != std::string::npos && colon < at) out.erase(colon, at - colon);
    }
  }
  // ?password=… in the query
  for (std::size_t p = out.find("password="); p != std::string::npos; p = out.find("password=", p + 1)) {
    if (p > 0 && out[p - 1] != '?' && out[p - 1] != '&') continue;
    std::size_t end = out.find('&', p);
    out.replace(p + 9, (end == std::string::npos ? out.size() : end) - (p + 9), "***");
  }
  return out;
}

MigrateResult migrate(const std::string& url) {
  MigrateResult out;
  std::string location = redact_url(url);
  try {
    pqxx::connection connection(with_connect_timeout(url));
    pqxx::work work(connection);
    work.exec_params("SELECT pg_advisory_xact_lock($1)", kMigrationLock);
    work.exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, "
        "applied_at timestamptz NOT NULL DEFAULT now())");
    int version = work.exec("SELECT coalesce(max(version), 0) FROM schema_migrations")[0][0].as<int>();
    if (version > latest_schema_version()) {
      out.error = location + " has schema version " + std::to_string(version) +
                  ", newer than this attune knows (" + std::to_string(latest_schema_version()) +
                  "): upgrade attune";
      return out;
    }
    for (const auto& m : migrations()) {
      if (m.version <= version) continue;
      work.exec(m.sql);
      work.exec_params("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", m.version, m.name);
      out.applied.push_back(m.version);
      version = m.version;
    }
    work.commit();
    out.version = version;
  } catch (const std::exception& e) {
    out.applied.clear();
    out.error = "cannot migrate " + location + " (nothing was changed): " + e.what();
    while (!out.error.empty() && out.error.back() == '\n') out.error.pop_back();
  }
  return out;
}

OpenResult open_postgresql_records(const std::string& url) {
  OpenResult out;
  std::string location = redact_url(url);
  try {
    auto connection = std::make_unique<pqxx::connection>(with_connect_timeout(url));
    int version = 0;
    {
      pqxx::read_transaction read(*connection);
      if (read.exec("SELECT to_regclass('schema_migrations') IS NOT NULL")[0][0].as<bool>())
        version = read.exec("SELECT coalesce(max(version), 0) FROM schema_migrations")[0][0].as<int>();
    }
    if (version < latest_schema_version()) {
      out.error =
          location + " has " +
          (version == 0 ? std::string("no attune schema") : "schema version " + std::to_string(version)) +
          " and this attune needs version " + std::to_string(latest_schema_version()) +
          ": run `attune db migrate --records URL` as the database's owner (docs/postgresql.md)";
      return out;
    }
    if (version > latest_schema_version()) {
      out.error = location + " has schema version " + std::to_string(version) +
                  ", newer than this attune knows (" + std::to_string(latest_schema_version()) +
                  "): upgrade attune";
      return out;
    }
    out.backend = std::make_unique<PostgresRecords>(url, std::move(connection));
  } catch (const std::exception& e) {
    std::string what = e.what();
    while (!what.empty() && (what.back() == '\n' || what.back() == ' ')) what.pop_back();
    out.error = "cannot connect to the records database " + location + ": " + what;
  }
  return out;
}

}  // namespace attune::sim::pg
