// Files that must never be lost or half-written: bounded reads, atomic private writes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attune::sim {

struct FileContents {
  std::optional<std::string> text;
  bool too_large = false;
  bool missing = false;  // the file does not exist
  std::string error;     // when `text` is empty and not too large: why it could not be read
};

FileContents read_file(const std::string& path, std::size_t max_bytes);

// Creates `dir` and its missing parents with mode 0700, each made durable in its parent.
// An existing `dir` is tightened to 0700 only with `tighten_existing` (directories attune owns,
// never one a user named, which may be shared). Returns an error message, or nullopt on success.
std::optional<std::string> make_private_dir(const std::string& dir, bool tighten_existing = false);

// fsync of a directory, so a file created or renamed in it survives a power cut.
std::optional<std::string> sync_directory(const std::string& dir);

// For work files named `PREFIX<pid>-...` by the process that made them: true when that process
// is gone (killed or crashed before it cleaned up), so the file is abandoned. A live owner, or a
// pid now reused by another live process, keeps it; a name of another form is never abandoned.
bool left_by_dead_process(const std::string& name, const std::string& prefix);

// Writes `path` as a 0600 file: a temp file beside it, fsync, rename over, fsync of the directory.
// A failure at any step leaves the previous file (if any) untouched. Returns an error or nullopt.
std::optional<std::string> write_file_atomically(const std::string& path, std::string_view contents);
// The same for contents in pieces, written in order (a cohort's report is never joined in memory).
std::optional<std::string> write_file_atomically(const std::string& path,
                                                 const std::vector<std::string>& pieces);

// Appends one line and fsyncs it (the file is created 0600). Returns an error or nullopt.
std::optional<std::string> append_line_durably(const std::string& path, std::string_view line);

}  // namespace attune::sim
