// Where a scenario's `client.avatar` lives: a relative path under RUNTIME_HOME/assets/avatars/.
// A name that is absolute or climbs out of that directory (by '..' or a symbolic link) is refused.
// Shared by the window, which shows the picture, and `attune check`, which warns about it early.
#pragma once

#include <string>

namespace attune::sim {

struct AvatarFile {
  std::string path;     // the file to load, when `problem` is empty
  std::string problem;  // why the name is refused
};

// No file system access beyond resolving symbolic links: whether the file exists is the caller's.
AvatarFile avatar_file(const std::string& runtime_home, const std::string& avatar);

}  // namespace attune::sim
