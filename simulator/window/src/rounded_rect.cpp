#include "rounded_rect.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "flat_rect.h"

namespace attune::window {
namespace {

constexpr std::size_t kSteps = 6;  // points on each corner's quarter circle

// Each corner's centre, clockwise from the top right.
std::array<sf::Vector2f, 4> corner_centres(sf::Vector2f size, float radius) {
  return {{{size.x - radius, radius},
           {size.x - radius, size.y - radius},
           {radius, size.y - radius},
           {radius, radius}}};
}

// The outline, clockwise from the top edge's right end: each corner's arc in turn.
std::array<sf::Vector2f, 4 * kSteps> perimeter(sf::Vector2f size, float radius) {
  const auto centres = corner_centres(size, radius);
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
  append_rect(quads_, {r, 0, size.x - 2 * r, size.y}, fill);
  append_rect(quads_, {0, r, r, size.y - 2 * r}, fill);
  append_rect(quads_, {size.x - r, r, r, size.y - 2 * r}, fill);
  auto points = perimeter(size, r);
  const auto centres = corner_centres(size, r);
  for (std::size_t corner = 0; corner < 4; ++corner) {
    for (std::size_t step = 0; step + 1 < kSteps; ++step) {
      triangles_.append(sf::Vertex(centres[corner], fill));
      triangles_.append(sf::Vertex(points[corner * kSteps + step], fill));
      triangles_.append(sf::Vertex(points[corner * kSteps + step + 1], fill));
    }
  }
  fill_quads_ = quads_.getVertexCount();
  fill_triangles_ = triangles_.getVertexCount();
}

void RoundedRect::setFillColor(sf::Color colour) {
  fill_colour_ = colour;
  set_colour(quads_, colour, 0, fill_quads_);
  set_colour(triangles_, colour, 0, fill_triangles_);
}

void RoundedRect::setOutlineThickness(float thickness) {
  outline_thickness_ = thickness;
  build_outline();
}

void RoundedRect::setOutlineColor(sf::Color colour) {
  outline_colour_ = colour;
  set_colour(quads_, colour, fill_quads_);
  set_colour(triangles_, colour, fill_triangles_);
}

// Outside the edge, as sf::Shape draws a positive outline: a band between the perimeter and the
// perimeter pushed out along the normals, mitred at each point. sf::Shape draws it as one thin
// triangle strip, whose long triangles on the straight edges llvmpipe rasterizes edge by edge and
// which cost more than the bubble's body; here each straight edge is a quad, with a sliver where
// its end meets the mitre of the corner's band, and the corners are bands of small triangles.
void RoundedRect::build_outline() {
  quads_.resize(fill_quads_);
  triangles_.resize(fill_triangles_);
  const float t = outline_thickness_;
  if (t <= 0 || empty()) return;
  const float r = radius_;
  const sf::Color colour = outline_colour_;
  append_rect(quads_, {r, -t, size_.x - 2 * r, t}, colour);
  append_rect(quads_, {size_.x, r, t, size_.y - 2 * r}, colour);
  append_rect(quads_, {r, size_.y, size_.x - 2 * r, t}, colour);
  append_rect(quads_, {-t, r, t, size_.y - 2 * r}, colour);
  auto points = perimeter(size_, r);
  const std::size_t n = points.size();
  auto normal = [](sf::Vector2f a, sf::Vector2f b) {
    sf::Vector2f d = b - a;
    float length = std::sqrt(d.x * d.x + d.y * d.y);
    return length > 0 ? sf::Vector2f(d.y / length, -d.x / length) : sf::Vector2f();
  };
  auto add = [&](sf::Vector2f a, sf::Vector2f b, sf::Vector2f c) {
    for (sf::Vector2f p : {a, b, c}) triangles_.append(sf::Vertex(p, colour));
  };
  std::array<sf::Vector2f, 4 * kSteps> outer;
  for (std::size_t i = 0; i < n; ++i) {
    sf::Vector2f p = points[i];
    // Perimeter points that coincide (a corner's last and the next one's first when the radius
    // leaves no straight edge) share the neighbouring edge's normal.
    sf::Vector2f n1 = normal(points[(i + n - 1) % n], p);
    sf::Vector2f n2 = normal(p, points[(i + 1) % n]);
    if (n1 == sf::Vector2f()) n1 = n2;
    if (n2 == sf::Vector2f()) n2 = n1;
    // (d.y, -d.x) points outward for points that run clockwise on screen (y down).
    sf::Vector2f out = n1 + n2;
    float factor = 1.f + (n1.x * n2.x + n1.y * n2.y);
    if (factor != 0) out /= factor;
    outer[i] = p + out * t;
  }
  // Each edge's outward normal, top, right, bottom, left: the edge after corner k is edge k+1.
  const sf::Vector2f edge_normals[4] = {{0, -1}, {1, 0}, {0, 1}, {-1, 0}};
  for (std::size_t corner = 0; corner < 4; ++corner) {
    for (std::size_t step = 0; step + 1 < kSteps; ++step) {
      std::size_t a = corner * kSteps + step;
      add(points[a], points[a + 1], outer[a + 1]);
      add(points[a], outer[a + 1], outer[a]);
    }
    std::size_t first = corner * kSteps;
    std::size_t last = first + kSteps - 1;
    add(points[first], points[first] + edge_normals[corner] * t, outer[first]);
    add(points[last], points[last] + edge_normals[(corner + 1) % 4] * t, outer[last]);
  }
}

void RoundedRect::draw(sf::RenderTarget& target, sf::RenderStates states) const {
  states.transform *= getTransform();
  target.draw(quads_, states);
  target.draw(triangles_, states);
}

RoundedRect rounded_rect(sf::Vector2f size, float radius, sf::Color fill) {
  return RoundedRect(size, radius, fill);
}

}  // namespace attune::window
