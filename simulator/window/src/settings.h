// What the window remembers between sessions: the text scale (Ctrl+= / Ctrl+-).
#pragma once

#include <string>

namespace attune::window {

struct WindowSettings {
  float text_scale = 1.0f;
};

inline constexpr float kMinScale = 0.8f;
inline constexpr float kMaxScale = 1.6f;

WindowSettings load_settings(const std::string& path);  // defaults when missing or unreadable
void save_settings(const std::string& path, const WindowSettings& settings);  // best effort

}  // namespace attune::window
