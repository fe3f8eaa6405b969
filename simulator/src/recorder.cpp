#include "attune/simulator/recorder.h"

#include "attune/simulator/file_io.h"

namespace attune::sim {
namespace {

RecordMeta fresh_meta() {
  RecordMeta meta;
  meta.id = new_session_id();
  return meta;
}

}  // namespace

SessionRecorder::SessionRecorder(RecorderSetup setup)
    : setup_(std::move(setup)), store_(setup_.records_dir), meta_(fresh_meta()), journal_(store_, meta_.id) {}

std::optional<std::string> SessionRecorder::begin(const Session& session) {
  meta_.trainee = setup_.trainee;
  meta_.started = now_iso8601();
  meta_.rubric_sha256 = setup_.rubric_sha256;
  if (auto error = store_.prepare()) return error;
  if (auto error = store_.keep_scenario_copy(session.scenario())) return error;
  nlohmann::json header = {
      {"format", "attune-journal/1"},
      {"id", meta_.id},
      {"trainee", meta_.trainee},
      {"scenario", {{"id", session.scenario().id}, {"sha256", session.scenario().sha256}}},
      {"mode", session_mode_name(session.mode())},
      {"started", meta_.started}};
  if (meta_.retry_of)
    header["retry_of"] = {{"session", meta_.retry_of->session}, {"turn", meta_.retry_of->turn}};
  return journal_.start(header);
}

std::optional<std::string> SessionRecorder::resume(const Session& session, const JournalContents& journal) {
  meta_.id = journal.session_id;
  meta_.trainee = journal.header.value("trainee", setup_.trainee);
  meta_.started = journal.header.value("started", now_iso8601());
  meta_.rubric_sha256 = setup_.rubric_sha256;
  if (const auto& retry = journal.header.value("retry_of", nlohmann::json()); retry.is_object()) {
    meta_.retry_of = RetryOf{retry.value("session", ""), retry.value("turn", 0)};
  }
  journal_ = Journal(store_, meta_.id);
  if (auto error = store_.prepare()) return error;
  if (!journal.damage.empty()) {
    std::string kept = journal.header.dump() + "\n";
    for (const auto& turn : journal.turns) kept += turn.dump() + "\n";
    if (auto error = write_file_atomically(store_.journal_path(meta_.id), kept)) return error;
  }
  return store_.keep_scenario_copy(session.scenario());
}

std::optional<std::string> SessionRecorder::turn_played(const Turn& turn) {
  return journal_.append(turn);
}

SessionRecorder::Saved SessionRecorder::finish(const Session& session, bool complete,
                                               const std::optional<std::map<std::string, int>>& self_rating) {
  Saved saved;
  meta_.complete = complete;
  meta_.ended = now_iso8601();
  meta_.self_rating = self_rating;
  saved.record = session_record(session, *setup_.rubric, meta_);
  sign_record(saved.record, setup_.key);
  saved.path = store_.session_path(meta_.trainee, meta_.id);
  if (auto error = store_.write_session(saved.record)) {
    saved.error = *error;  // the journal stays, so the turns are not lost
    return saved;
  }
  journal_.remove();
  return saved;
}

void SessionRecorder::discard() {
  journal_.remove();
}

}  // namespace attune::sim
