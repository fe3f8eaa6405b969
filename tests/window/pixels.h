// Reading screenshots in the window tests: where a fill colour is, and whether text is drawn on it.
#pragma once

#include <SFML/Graphics/Image.hpp>
#include <algorithm>
#include <cstddef>

namespace attune::e2e {

inline bool same(sf::Color a, sf::Color b) {
  return a.r == b.r && a.g == b.g && a.b == b.b;
}

inline bool dark(sf::Color c) {
  return c.r + c.g + c.b < 3 * 110;
}

struct Region {  // the bounding box of the pixels found, and how many
  unsigned left = ~0u, top = ~0u, right = 0, bottom = 0;
  std::size_t pixels = 0;
};

inline Region region_of(const sf::Image& image, sf::Color colour) {
  Region r;
  for (unsigned y = 0; y < image.getSize().y; ++y) {
    for (unsigned x = 0; x < image.getSize().x; ++x) {
      if (!same(image.getPixel(x, y), colour)) continue;
      r.left = std::min(r.left, x);
      r.top = std::min(r.top, y);
      r.right = std::max(r.right, x);
      r.bottom = std::max(r.bottom, y);
      ++r.pixels;
    }
  }
  return r;
}

inline std::size_t dark_pixels_in(const sf::Image& image, const Region& r) {
  std::size_t count = 0;
  for (unsigned y = r.top; y <= r.bottom && y < image.getSize().y; ++y) {
    for (unsigned x = r.left; x <= r.right && x < image.getSize().x; ++x) count += dark(image.getPixel(x, y));
  }
  return count;
}

// The pixels of exactly `colour` within [left, right) x [top, bottom).
inline std::size_t count_in(const sf::Image& image, sf::Color colour, unsigned left, unsigned top,
                            unsigned right, unsigned bottom) {
  std::size_t count = 0;
  for (unsigned y = top; y < bottom && y < image.getSize().y; ++y) {
    for (unsigned x = left; x < right && x < image.getSize().x; ++x)
      count += same(image.getPixel(x, y), colour);
  }
  return count;
}

}  // namespace attune::e2e
