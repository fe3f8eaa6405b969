// The client's picture named by a scenario's `client.avatar`: a relative path under
// RUNTIME_HOME/assets/avatars/. A name that is absolute or climbs out of that directory is
// refused, and a picture that cannot be read is left out: the window then draws the face.
#pragma once

#include <SFML/Graphics/Texture.hpp>
#include <optional>
#include <string>

#include "attune/simulator/avatar_path.h"

namespace attune::window {

// Loads the avatar into `texture`; a one-line notice for the trainee's terminal when it cannot
// (the window goes on with the drawn face). Nothing is loaded, and no notice, when `avatar` is
// empty.
std::optional<std::string> load_avatar(const std::string& runtime_home, const std::string& avatar,
                                       sf::Texture& texture, bool& loaded);

}  // namespace attune::window
