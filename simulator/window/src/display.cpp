#include <X11/Xlib.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "attune/window/window_player.h"

namespace attune::window {

bool display_available() {
  // The probe stays connected for the process's life. Closing the only connection to an X server
  // started without -noreset (Xvfb's default, so a plain `xvfb-run`) makes it reset, and while it
  // does it refuses connections: SFML's own, a moment later, would fail and SFML would abort. The
  // same holds whenever SFML lets go of the display and takes it again (a window closed, then a
  // screenshot's render texture).
  static Display* const probe = [] {
    const char* name = std::getenv("DISPLAY");
    if (name == nullptr || *name == '\0') return static_cast<Display*>(nullptr);
    // A server that is resetting (its last client has just left) refuses connections briefly.
    for (int attempt = 0; attempt < 5; ++attempt) {
      if (Display* display = XOpenDisplay(nullptr)) return display;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return static_cast<Display*>(nullptr);
  }();
  return probe != nullptr;
}

}  // namespace attune::window
