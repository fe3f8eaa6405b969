// The window's fonts: shipped ones under assets/fonts/, else DejaVu from the Debian package.
#pragma once

#include <optional>
#include <string>

namespace attune::window {

struct FontFiles {
  std::string regular;
  std::string bold;  // may equal regular
};

// nullopt when no usable font is found; the caller says where it looked.
std::optional<FontFiles> find_fonts(const std::string& runtime_home);
std::string font_search_help(const std::string& runtime_home);

}  // namespace attune::window
