// Where records are kept, behind one interface: a records directory (the default, PRODUCT.md's
// layout, unchanged) or a PostgreSQL database shared by a whole programme (attune_pg,
// docs/postgresql.md). The supervisors' commands (report, review, verify), play's upload and
// `attune sync` see only this interface, so they behave the same against either store.
#pragma once

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "attune/scoring/rubric.h"
#include "attune/simulator/progress.h"
#include "attune/simulator/records_scan.h"
#include "attune/simulator/report_digest.h"
#include "attune/simulator/review_log.h"

namespace attune::sim {

// What writing a session (or a review line) did. A session id written twice is stored once:
// the same bytes again are `unchanged`, different bytes a `conflict` (the stored copy kept).
enum class PutStatus { stored, unchanged, conflict };
struct PutResult {
  PutStatus status = PutStatus::stored;
  std::string error;  // non-empty: nothing was written (unreachable, refused, I/O)
};

class RecordsBackend {
 public:
  virtual ~RecordsBackend() = default;

  // For people: the directory, or the database URL without its password.
  virtual std::string location() const = 0;
  // Creates what the store needs to be written to; an error message for people on failure.
  virtual std::optional<std::string> prepare() = 0;
  // Why the last read came back empty when it failed (a lost connection), cleared by asking;
  // a directory's reads skip what they cannot read instead.
  virtual std::optional<std::string> take_failure() { return std::nullopt; }

  // Stores a signed record and the scenario copy it was played on (`scenario_yaml`, kept under
  // the record's scenario.sha256), all or nothing. `record_text` is the record's text as written
  // (a session file's bytes), compared byte for byte with a stored copy.
  virtual PutResult put_session(const nlohmann::json& record, const std::string& record_text,
                                const std::string& scenario_yaml) = 0;
  // Many at once (sync): the same result for each as put_session, in order. A store may write
  // them in fewer transactions.
  struct SessionPut {
    const nlohmann::json* record = nullptr;
    const std::string* record_text = nullptr;
    const std::string* scenario_yaml = nullptr;
  };
  virtual std::vector<PutResult> put_sessions(const std::vector<SessionPut>& puts) {
    std::vector<PutResult> out;
    for (const auto& p : puts) out.push_back(put_session(*p.record, *p.record_text, *p.scenario_yaml));
    return out;
  }

  // Sessions in the store (only `trainee`'s when given), sorted by trainee then id. `path` in each
  // is what messages name: the file, or "ID in postgresql://…".
  virtual std::vector<SessionFile> list_sessions(const std::optional<std::string>& trainee) = 0;
  // A RECORD argument: a session file's path (directory stores only) or a session id.
  virtual std::optional<SessionFile> find_session(const std::string& argument) = 0;
  // As scan_sessions_indexed (records_scan.h): every session checked under the key, the work per
  // record shared by the cores, the callbacks in the order of `sessions`.
  virtual void scan(const std::vector<SessionFile>& sessions, const std::string& key,
                    const std::function<void(std::size_t, ScannedSession&)>& on_worker,
                    const std::function<void(std::size_t, ScannedSession&&)>& on_session,
                    const std::function<void(const ScanProblem&)>& on_problem) = 0;
  virtual SessionCheck read_session(const SessionFile& session, const std::string& key) = 0;
  // A session's text as stored (unchecked), nullopt when it cannot be read.
  virtual std::optional<std::string> session_text(const SessionFile& session) = 0;

  // The scenario copy with this SHA-256, or nullopt.
  virtual std::optional<std::string> scenario_yaml(const std::string& sha256) = 0;
  // A loader of this store's scenario copies, shareable between threads.
  virtual ScenarioCopies::Source scenario_source() = 0;

  // A session's review log, checked (review_log.h); `location` names it in messages.
  virtual ReviewLog review_log(const std::string& session_id, const std::string& key) = 0;
  virtual std::string review_location(const std::string& session_id) const = 0;
  // Appends a signed review line chained onto the last one, serialised against other reviewers.
  virtual std::optional<std::string> append_review(const ReviewEntry& entry, const std::string& key) = 0;
  // The raw review lines of a session (each ending in '\n'), nullopt without any.
  virtual std::optional<std::string> review_text(const std::string& session_id) = 0;
  // Stores review lines `text` for a session that has `stored` (a prefix of `text`): the lines
  // after the prefix are appended. unchanged when equal, conflict when `stored` is not a prefix.
  virtual PutResult put_review_text(const std::string& session_id, const std::string& trainee,
                                    const std::string& text) = 0;
  // Review logs whose session is not among `sessions` (verify names them), sorted.
  virtual std::vector<std::string> orphan_reviews(const std::set<std::string>& sessions) = 0;

  // Notes a bulk upload in the store's audit trail (content-free: who, whose, how many). The
  // directory's audit.jsonl is for deletions only (PRODUCT.md), so there it is a no-op.
  virtual std::optional<std::string> audit_upload(const std::string& trainee, int sessions) {
    (void)trainee;
    (void)sessions;
    return std::nullopt;
  }

  // Report digests (report_digest.h): a store shared by a whole programme keeps them so a report
  // need not fetch and check every record each time; a directory keeps none (its files are local).
  virtual bool keeps_report_digests() const { return false; }
  struct StoredDigest {
    std::string_view text;
    std::string_view hmac;
    std::string_view record_sha256;  // of the session's record text as stored now
  };
  struct StoredDigests {
    std::shared_ptr<const void> rows;             // what the views point into
    std::vector<std::optional<StoredDigest>> at;  // one for each session asked about
  };
  // For each of `sessions`: its digest under the rubric with `rubric_sha256`, when it has one made
  // from the record text stored now and the session has no review lines.
  virtual StoredDigests report_digests(const std::vector<SessionFile>& sessions,
                                       const std::string& rubric_sha256) {
    (void)rubric_sha256;
    return {nullptr, std::vector<std::optional<StoredDigest>>(sessions.size())};
  }
  struct DigestPut {
    const SessionFile* session = nullptr;
    std::string record_sha256;
    ReportDigest digest;
  };
  // Keeps digests of sessions just checked in full, made under the rubric with `rubric_sha256`. A
  // role that may not write them (a trainee) or a read-only standby keeps none and that is no
  // error; an error message for any other failure.
  virtual std::optional<std::string> put_report_digests(const std::vector<DigestPut>& puts,
                                                        const std::string& rubric_sha256) {
    (void)puts;
    (void)rubric_sha256;
    return std::nullopt;
  }

  // Rebuilds a trainee's progress (`attune-progress/1`) from their sessions and reviews.
  virtual ProgressRebuild rebuild_progress(const std::string& trainee, const scoring::Rubric& rubric,
                                           const std::string& key) = 0;
};

// Whether a --records / $ATTUNE_RECORDS value names a PostgreSQL database, not a directory.
bool is_postgresql_url(const std::string& records);

// A records directory (PRODUCT.md "Records"), read and written exactly as before.
std::unique_ptr<RecordsBackend> open_directory_records(const std::string& root);

}  // namespace attune::sim
