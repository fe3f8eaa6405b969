// Unfinished sessions: reading a journal back (a torn last line is recovered, not fatal) and
// replaying it through the engine so a session continues exactly where it stopped.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "attune/simulator/records.h"
#include "attune/simulator/scenario.h"
#include "attune/simulator/session.h"

namespace attune::sim {

struct JournalContents {
  std::string session_id;
  nlohmann::json header;
  std::vector<nlohmann::json> turns;  // complete turn lines, in order
  std::string damage;                 // empty, or what was dropped (a torn or corrupt tail)
};

struct JournalRead {
  std::optional<JournalContents> contents;
  std::string error;  // no usable header: the journal cannot be resumed
};

JournalRead read_journal(const std::string& path);

struct UnfinishedSession {
  std::string id;
  std::string trainee;
  std::string scenario_id;
  std::string started;
  std::size_t turns = 0;
  std::string damage;
};

// Every journal in the records directory, oldest first.
std::vector<UnfinishedSession> list_unfinished(const RecordsStore& store);

// Replays the journaled turns into `session` (fresh, on the journal's scenario). Returns an error
// when a turn does not fit: the scenario copy and the journal disagree.
std::optional<std::string> replay_journal(Session& session, const JournalContents& journal);

}  // namespace attune::sim
