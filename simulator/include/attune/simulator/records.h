// Session records (`attune-session/1`): built from a session, signed, and written so that a
// crash never loses or corrupts a finished turn or record.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "attune/scoring/rubric.h"
#include "attune/simulator/session.h"

namespace attune::sim {

// A retry from a turn of an earlier session ("retry from here" in the window).
struct RetryOf {
  std::string session;
  int turn = 0;
};

struct RecordMeta {
  std::string id;  // session id
  std::string trainee;
  std::string started;  // ISO 8601 UTC
  std::optional<std::string> ended;
  bool complete = false;
  std::string rubric_sha256;
  std::optional<std::map<std::string, int>> self_rating;
  std::optional<RetryOf> retry_of;
};

std::string now_iso8601();
std::string new_session_id();  // time-ordered and unique: 20261125T003104Z-1a2b3c4d
bool is_valid_trainee_id(const std::string& id);

nlohmann::json codes_json(const std::vector<scoring::CodeEvidence>& codes);
nlohmann::json turn_json(const Turn& turn);
std::vector<scoring::ScoredTurn> scored_turns(const Session& session);

// The whole record, without `integrity`.
nlohmann::json session_record(const Session& session, const scoring::Rubric& rubric, const RecordMeta& meta);

// Adds `integrity.hmac_sha256` over the compact, key-sorted JSON of the record without it.
void sign_record(nlohmann::json& record, const std::string& key);
bool record_signature_ok(const nlohmann::json& record, const std::string& key);
// The same check without copying the record (for scanning thousands): `integrity` is taken out
// for the check and put back.
bool record_signature_ok_in_place(nlohmann::json& record, const std::string& key);
// The quick check for a record file as attune wrote it: the HMAC over the file's own text less its
// whitespace and `integrity` (signed_text.h), without serialising `record`, which is that text
// parsed. False says only "not shown this way"; record_signature_ok_in_place then decides.
bool record_signature_ok_as_written(std::string_view text, const nlohmann::json& record,
                                    const std::string& key);

// The programme key: $ATTUNE_KEY, else the key file (created with 32 random bytes on first use).
struct KeyResult {
  std::string key;
  std::string error;
};
KeyResult programme_key();

// A records directory and the files PRODUCT.md lays out in it.
class RecordsStore {
 public:
  explicit RecordsStore(std::string root) : root_(std::move(root)) {}
  const std::string& root() const { return root_; }

  std::optional<std::string> prepare() const;  // creates the layout (0700); an error message on failure
  std::string session_path(const std::string& trainee, const std::string& id) const;
  std::string journal_path(const std::string& id) const;

  // Keeps a copy of the scenario version played, so the transcript stays readable.
  std::optional<std::string> keep_scenario_copy(const Scenario& scenario) const;
  std::optional<std::string> write_session(const nlohmann::json& record) const;

 private:
  std::string root_;
};

// The journal of an unfinished session: a header line, then one fsync'd line per finished turn.
class Journal {
 public:
  Journal(const RecordsStore& store, const std::string& session_id);
  std::optional<std::string> start(const nlohmann::json& header);
  std::optional<std::string> append(const Turn& turn);
  void remove();

 private:
  std::string path_;
};

}  // namespace attune::sim
