// Keeps a played session safe: journal while it runs, the signed record when it stops.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "attune/scoring/rubric.h"
#include "attune/simulator/journal.h"
#include "attune/simulator/records.h"
#include "attune/simulator/session.h"

namespace attune::sim {

struct RecorderSetup {
  std::string records_dir;
  std::string trainee;
  const scoring::Rubric* rubric = nullptr;
  std::string rubric_sha256;
  std::string key;
};

class SessionRecorder {
 public:
  explicit SessionRecorder(RecorderSetup setup);

  const std::string& session_id() const { return meta_.id; }
  // Marks this session as a retry of an earlier one; call before begin() (kept in the journal,
  // so a resumed retry stays marked).
  void set_retry_of(RetryOf retry) { meta_.retry_of = std::move(retry); }

  // Creates the records layout, keeps the scenario copy and starts the journal.
  std::optional<std::string> begin(const Session& session);
  // Continues an unfinished session from its journal (the replayed `session` already holds its
  // turns): the same id, the same journal, appended to from here on.
  // A damaged tail is cut off first, so new lines never follow a torn one.
  std::optional<std::string> resume(const Session& session, const JournalContents& journal);
  // Journals a finished turn (fsync'd) before the client goes on.
  std::optional<std::string> turn_played(const Turn& turn);

  struct Saved {
    std::string path;
    nlohmann::json record;
    std::string error;  // non-empty: nothing was written
  };
  Saved finish(const Session& session, bool complete,
               const std::optional<std::map<std::string, int>>& self_rating = std::nullopt);
  void discard();  // a practice session the trainee chose not to keep

 private:
  RecorderSetup setup_;
  RecordsStore store_;
  RecordMeta meta_;  // before journal_: the journal is named by the session id
  Journal journal_;
};

}  // namespace attune::sim
