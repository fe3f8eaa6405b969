// One reader over a records directory: every `sessions/TRAINEE/ID.json` parsed and its HMAC
// checked. Like LevelDB's log reader, a damaged or foreign file is reported and skipped, never
// fatal and never touched: verify, review, progress and report all read records through this.
#pragma once

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attune::sim {

struct SessionFile {
  std::string path;
  std::string trainee;  // the directory it is filed under
  std::string id;       // the file name without `.json`
};

struct ScannedSession {
  SessionFile file;
  nlohmann::json record;    // parsed and signed under the key; its id and trainee match the path
  std::string text_sha256;  // of the record's text as stored, from a store that keeps report digests
};

struct ScanProblem {
  std::string path;
  std::string message;  // why the file was skipped, for people
};

// The session files under `root`/sessions (only `trainee`'s when given), sorted by path.
std::vector<SessionFile> list_session_files(const std::string& root,
                                            const std::optional<std::string>& trainee = std::nullopt);

// Reads one session file: the record, or why it cannot be trusted.
struct SessionCheck {
  std::optional<nlohmann::json> record;
  std::string problem;
};
SessionCheck check_session_file(const SessionFile& file, const std::string& key);
// The same checks on a record's text from elsewhere (a PostgreSQL row): `file` says which id and
// trainee it must carry.
SessionCheck check_session_text(std::string_view text, const SessionFile& file, const std::string& key);

// Checks `files` (on every core; the records directory is only read) and hands each good record
// to `on_session` and each bad file to `on_problem`, in the order of `files`. Records are handed
// over in batches, so memory stays bounded by what the callbacks keep.
void scan_sessions(const std::vector<SessionFile>& files, const std::string& key,
                   const std::function<void(ScannedSession&&)>& on_session,
                   const std::function<void(const ScanProblem&)>& on_problem);

// The scan's engine, for work per record that should share the cores too: `on_worker(i, s)` runs
// on a worker thread for each good record (files[i]), then `on_session(i, s)` or `on_problem` on
// the calling thread, in the order of `files`. What the callbacks produce must depend only on the
// record, never on which thread ran it, so any number of workers gives the same result.
void scan_sessions_indexed(const std::vector<SessionFile>& files, const std::string& key,
                           const std::function<void(std::size_t, ScannedSession&)>& on_worker,
                           const std::function<void(std::size_t, ScannedSession&&)>& on_session,
                           const std::function<void(const ScanProblem&)>& on_problem);

// How many threads a scan (or other per-record work of the supervisors' commands) uses: the
// cores, at most 4, or ATTUNE_THREADS when set (1 runs everything on the calling thread; tests
// compare outputs against that).
unsigned scan_workers();

// Runs `work(i)` for i in [0, count) on `workers` threads (the calling one among them), each
// index once; `work` must write only to the i-th slot of what it fills.
void parallel_for(std::size_t count, unsigned workers, const std::function<void(std::size_t)>& work);

// The session file a RECORD argument names: an existing path, else a session id in `root`.
std::optional<SessionFile> find_session_file(const std::string& root, const std::string& argument);

}  // namespace attune::sim
