// The client's picture named by a scenario's `client.avatar`: a relative path under
// RUNTIME_HOME/assets/avatars/. A name that is absolute or climbs out of that directory is
// refused, and a picture that cannot be read is left out: the window then draws the face.
#pragma once

#include <SFML/Graphics/Texture.hpp>
#include <optional>
#include <string>

namespace attune::window {

struct AvatarFile {
  std::string path;     // the file to load, when `problem` is empty
  std::string problem;  // why the name is refused
};

// Where `avatar` (as written in the scenario) lives under `runtime_home`; no file system access
// beyond resolving symbolic links, so that a link cannot lead out of assets/avatars/ either.
AvatarFile avatar_file(const std::string& runtime_home, const std::string& avatar);

// Loads the avatar into `texture`; a one-line notice for the trainee's terminal when it cannot
// (the window goes on with the drawn face). Nothing is loaded, and no notice, when `avatar` is
// empty.
std::optional<std::string> load_avatar(const std::string& runtime_home, const std::string& avatar,
                                       sf::Texture& texture, bool& loaded);

}  // namespace attune::window
