// Where attune finds its runtime files and keeps its records.
#pragma once

#include <optional>
#include <string>

namespace attune::sim {

// The directory holding `assets/` and `scenarios/`: $ATTUNE_HOME, else the nearest parent of the
// executable that has both (a build tree inside the source tree), else <prefix>/share/attune.
std::string runtime_home();

// --records DIR, else $ATTUNE_RECORDS, else $XDG_DATA_HOME/attune/records (~/.local/share/...).
std::string records_dir(const std::optional<std::string>& flag);

// The records directory on this machine that `play` journals and saves to: records_dir(flag), or,
// when that names a PostgreSQL database (postgresql://…), $ATTUNE_LOCAL_RECORDS, else
// $XDG_DATA_HOME/attune/records: the fallback a session waits in until it is uploaded.
std::string local_records_dir(const std::optional<std::string>& flag);
// That fallback directory alone ($ATTUNE_LOCAL_RECORDS, else the XDG one): `attune sync`'s default source.
std::string fallback_records_dir();

// $XDG_CONFIG_HOME/attune/key (default ~/.config/attune/key).
std::string key_file_path();

// A scenario argument: an existing path, else an id in the shipped library.
std::optional<std::string> resolve_scenario(const std::string& argument);

}  // namespace attune::sim
