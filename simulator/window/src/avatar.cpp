#include "avatar.h"

#include <SFML/Graphics/Image.hpp>
#include <SFML/System/Err.hpp>
#include <filesystem>

namespace attune::window {
namespace {

namespace fs = std::filesystem;

constexpr unsigned kMaxSide = 4096;  // a portrait, not a poster: larger ones are refused

}  // namespace

std::optional<std::string> load_avatar(const std::string& runtime_home, const std::string& avatar,
                                       sf::Texture& texture, bool& loaded) {
  loaded = false;
  if (avatar.empty()) return std::nullopt;
  const std::string intro = "the avatar '" + avatar + "' is not shown (drawing a face instead): ";
  sim::AvatarFile file = sim::avatar_file(runtime_home, avatar);
  if (!file.problem.empty()) return intro + file.problem;
  std::error_code ec;
  if (!fs::is_regular_file(file.path, ec)) return intro + "there is no file " + file.path;
  // SFML explains its failures on stderr in its own words; the notice below says it once, plainly.
  std::streambuf* sfml_err = sf::err().rdbuf(nullptr);
  sf::Image image;
  bool read = image.loadFromFile(file.path);
  sf::err().rdbuf(sfml_err);
  if (!read) return intro + file.path + " is not a PNG, JPEG, BMP or TGA image that can be read";
  sf::Vector2u size = image.getSize();
  if (size.x == 0 || size.y == 0 || size.x > kMaxSide || size.y > kMaxSide)
    return intro + file.path + " should be at most " + std::to_string(kMaxSide) + " pixels a side";
  if (!texture.loadFromImage(image)) return intro + "the picture could not be made into a texture";
  // Shown far smaller than drawn: mipmaps keep the downscaled picture smooth rather than grainy.
  texture.setSmooth(true);
  texture.generateMipmap();
  loaded = true;
  return std::nullopt;
}

}  // namespace attune::window
