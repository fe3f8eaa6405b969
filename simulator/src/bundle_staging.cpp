// Import stages a bundle beside the records so that moving a checked file into place is a rename.
// A killed import cannot remove its staging directory; the name carries its pid so the next import
// can tell an abandoned one from a concurrent import's, as write_file_atomically does for temps.
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "attune/simulator/bundle.h"
#include "attune/simulator/file_io.h"

namespace attune::sim {
namespace fs = std::filesystem;

namespace {

void remove_abandoned_staging(const std::string& records_root) {
  std::error_code ec;
  for (auto it = fs::directory_iterator(records_root, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    std::error_code inner;
    // symlink_status: a link named like a staging directory is not followed into somewhere else.
    if (!fs::is_directory(it->symlink_status(inner))) continue;
    if (left_by_dead_process(it->path().filename().string(), kStagingPrefix))
      fs::remove_all(it->path(), inner);
  }
}

}  // namespace

std::optional<std::string> make_staging_dir(const std::string& records_root, std::string& error) {
  remove_abandoned_staging(records_root);
  std::string pattern = records_root + "/" + kStagingPrefix + std::to_string(::getpid()) + "-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) {
    error = "cannot create a staging directory in " + records_root + ": " + std::strerror(errno);
    return std::nullopt;
  }
  return pattern;
}

}  // namespace attune::sim
