#include <X11/Xlib.h>

#include "attune/window/window_player.h"

namespace attune::window {

bool display_available() {
  Display* display = XOpenDisplay(nullptr);
  if (display == nullptr) return false;
  XCloseDisplay(display);
  return true;
}

}  // namespace attune::window
