#include "font.h"

#include <filesystem>

namespace attune::window {
namespace fs = std::filesystem;
namespace {

const char* const kSystemDirs[] = {"/usr/share/fonts/truetype/dejavu", "/usr/local/share/fonts/dejavu",
                                   "/usr/share/fonts/TTF"};

std::optional<FontFiles> in_dir(const fs::path& dir) {
  std::error_code ec;
  fs::path regular = dir / "DejaVuSans.ttf";
  if (!fs::is_regular_file(regular, ec)) return std::nullopt;
  fs::path bold = dir / "DejaVuSans-Bold.ttf";
  return FontFiles{regular.string(), fs::is_regular_file(bold, ec) ? bold.string() : regular.string()};
}

}  // namespace

std::optional<FontFiles> find_fonts(const std::string& runtime_home) {
  if (auto shipped = in_dir(fs::path(runtime_home) / "assets" / "fonts")) return shipped;
  for (const char* dir : kSystemDirs) {
    if (auto found = in_dir(dir)) return found;
  }
  return std::nullopt;
}

std::string font_search_help(const std::string& runtime_home) {
  std::string where = runtime_home + "/assets/fonts";
  for (const char* dir : kSystemDirs) where += std::string(", ") + dir;
  return "no font found (looked for DejaVuSans.ttf in " + where +
         "); install the Debian package fonts-dejavu-core (tools/run does) or play with --text";
}

}  // namespace attune::window
