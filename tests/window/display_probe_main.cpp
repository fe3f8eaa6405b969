// Run by WindowDisplay tests in a process of its own: asks whether a display is there, as
// `attune play` does, then lets SFML open it, as the window does. Exit 0 when both worked, 3 when
// no display was found; SFML aborts the process when its own connection is refused.
#include <SFML/Graphics.hpp>

#include "attune/window/window_player.h"

int main() {
  if (!attune::window::display_available()) return 3;
  sf::RenderTexture texture;
  return texture.create(8, 8) ? 0 : 4;
}
