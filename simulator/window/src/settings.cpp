#include "settings.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "attune/simulator/file_io.h"

namespace attune::window {

WindowSettings load_settings(const std::string& path) {
  WindowSettings settings;
  auto file = sim::read_file(path, 64 * 1024);
  if (!file.text) return settings;
  auto json = nlohmann::json::parse(*file.text, nullptr, false);
  if (json.is_object() && json["text_scale"].is_number()) {
    settings.text_scale = std::clamp(json["text_scale"].get<float>(), kMinScale, kMaxScale);
  }
  return settings;
}

void save_settings(const std::string& path, const WindowSettings& settings) {
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  // A lost preference is not worth interrupting a session for: errors are ignored.
  (void)sim::write_file_atomically(path, nlohmann::json{{"text_scale", settings.text_scale}}.dump() + "\n");
}

}  // namespace attune::window
