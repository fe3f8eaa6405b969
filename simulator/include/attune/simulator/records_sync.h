// `attune sync`: copies finished sessions and their reviews from one store to another (a local
// records directory to the programme's PostgreSQL database, usually), checking each under the
// programme key first. Idempotent: a session already there with the same bytes is `unchanged`,
// one there with different bytes a conflict (the stored copy kept), review lines are appended only
// when the stored ones are their prefix. Running it twice, or after a partial run, never duplicates.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "attune/simulator/records_store.h"

namespace attune::sim {

struct SyncReport {
  int uploaded = 0;
  int unchanged = 0;
  int conflicts = 0;
  int rejected = 0;
  int reviews_uploaded = 0;                // review logs that gained lines
  std::vector<std::string> problems;       // "WHERE: why", one per conflict or rejected session
  std::set<std::string> trainees_changed;  // whose sessions or reviews were written (progress to rebuild)
  std::string error;                       // the destination could not be written at all: stopped here
};

SyncReport sync_records(RecordsBackend& from, RecordsBackend& to, const std::string& key);

}  // namespace attune::sim
