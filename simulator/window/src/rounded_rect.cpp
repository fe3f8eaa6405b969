#include "rounded_rect.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "flat_rect.h"

namespace attune::window {
namespace {

constexpr std::size_t kSteps = 6;  // points on each corner's quarter circle

// The outline, clockwise from the top edge's right end: each corner's arc in turn.
std::array<sf::Vector2f, 4 * kSteps> perimeter(sf::Vector2f size, float radius) {
  const sf::Vector2f centres[4] = {{size.x - radius, radius},
                                   {size.x - radius, size.y - radius},
                                   {radius, size.y - radius},
                                   {radius, radius}};
  std::array<sf::Vector2f, 4 * kSteps> points;
  std::size_t point = 0;
  for (std::size_t corner = 0; corner < 4; ++corner) {
    for (std::size_t step = 0; step < kSteps; ++step) {
      float angle = (static_cast<float>(corner) * 90.f - 90.f +
                     90.f * static_cast<float>(step) / static_cast<float>(kSteps - 1)) *
                    3.14159265f / 180.f;
      points[point++] = centres[corner] + sf::Vector2f(radius * std::cos(angle), radius * std::sin(angle));
    }
  }
  return points;
}

}  // namespace

RoundedRect::RoundedRect(sf::Vector2f size, float radius, sf::Color fill)
    : size_(size), radius_(std::min({radius, size.x / 2, size.y / 2})), fill_colour_(fill) {
  const float r = radius_;
  append_rect(body_, {r, 0, size.x - 2 * r, size.y}, fill);
  append_rect(body_, {0, r, r, size.y - 2 * r}, fill);
  append_rect(body_, {size.x - r, r, r, size.y - 2 * r}, fill);
  auto points = perimeter(size, r);
  const sf::Vector2f centres[4] = {{size.x - r, r}, {size.x - r, size.y - r}, {r, size.y - r}, {r, r}};
  for (std::size_t corner = 0; corner < 4; ++corner) {
    for (std::size_t step = 0; step + 1 < kSteps; ++step) {
      corners_.append(sf::Vertex(centres[corner], fill));
      corners_.append(sf::Vertex(points[corner * kSteps + step], fill));
      corners_.append(sf::Vertex(points[corner * kSteps + step + 1], fill));
    }
  }
}

void RoundedRect::setFillColor(sf::Color colour) {
  fill_colour_ = colour;
  set_colour(body_, colour);
  set_colour(corners_, colour);
}

void RoundedRect::setOutlineThickness(float thickness) {
  outline_thickness_ = thickness;
  build_outline();
}

void RoundedRect::setOutlineColor(sf::Color colour) {
  outline_colour_ = colour;
  set_colour(outline_, colour);
}

// A strip between each perimeter point and the same point pushed out along the corner's normal,
// as sf::Shape builds its outline.
void RoundedRect::build_outline() {
  outline_.clear();
  if (outline_thickness_ <= 0 || empty()) return;
  auto points = perimeter(size_, radius_);
  const std::size_t n = points.size();
  auto normal = [](sf::Vector2f a, sf::Vector2f b) {
    sf::Vector2f d = b - a;
    float length = std::sqrt(d.x * d.x + d.y * d.y);
    return length > 0 ? sf::Vector2f(d.y / length, -d.x / length) : sf::Vector2f();
  };
  for (std::size_t i = 0; i <= n; ++i) {
    sf::Vector2f p = points[i % n];
    sf::Vector2f before = points[(i + n - 1) % n];
    sf::Vector2f after = points[(i + 1) % n];
    // Perimeter points that coincide (a corner's last and the next one's first when the radius
    // leaves no straight edge) share the neighbouring edge's normal.
    sf::Vector2f n1 = normal(before, p);
    sf::Vector2f n2 = normal(p, after);
    if (n1 == sf::Vector2f()) n1 = n2;
    if (n2 == sf::Vector2f()) n2 = n1;
    // (d.y, -d.x) points outward for points that run clockwise on screen (y down).
    sf::Vector2f out = n1 + n2;
    float factor = 1.f + (n1.x * n2.x + n1.y * n2.y);
    if (factor != 0) out /= factor;
    outline_.append(sf::Vertex(p, outline_colour_));
    outline_.append(sf::Vertex(p + out * outline_thickness_, outline_colour_));
  }
}

void RoundedRect::draw(sf::RenderTarget& target, sf::RenderStates states) const {
  states.transform *= getTransform();
  target.draw(body_, states);
  target.draw(corners_, states);
  if (outline_.getVertexCount() > 0) target.draw(outline_, states);
}

RoundedRect rounded_rect(sf::Vector2f size, float radius, sf::Color fill) {
  return RoundedRect(size, radius, fill);
}

}  // namespace attune::window
