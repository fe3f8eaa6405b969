// A rounded rectangle (bubbles, cards, buttons) built for software rendering: sf::ConvexShape
// fills as a fan of long thin triangles from the centre, each of which llvmpipe rasterizes over
// its whole bounding box, so a bubble cost several times its area. Here the body is three
// axis-aligned quads (llvmpipe's fast path, see flat_rect.h) and each corner a small fan of its
// own; the outline likewise is four edge quads and a band round each corner. The same pixels as
// sf::Shape draws, far less work.
#pragma once

#include <SFML/Graphics.hpp>

namespace attune::window {

class RoundedRect : public sf::Drawable, public sf::Transformable {
 public:
  RoundedRect() = default;
  RoundedRect(sf::Vector2f size, float radius, sf::Color fill);
  bool empty() const { return fill_quads_ == 0; }
  sf::Color getFillColor() const { return fill_colour_; }
  void setFillColor(sf::Color colour);
  // Drawn outside the edge, as sf::Shape draws a positive outline.
  void setOutlineThickness(float thickness);
  void setOutlineColor(sf::Color colour);

 private:
  void draw(sf::RenderTarget& target, sf::RenderStates states) const override;
  void build_outline();

  sf::Vector2f size_;
  float radius_ = 0;
  sf::Color fill_colour_;
  sf::Color outline_colour_ = sf::Color::Transparent;
  float outline_thickness_ = 0;
  // The body's quads and corner triangles come first in their arrays, the outline's after them.
  sf::VertexArray quads_{sf::Quads};
  sf::VertexArray triangles_{sf::Triangles};
  std::size_t fill_quads_ = 0;
  std::size_t fill_triangles_ = 0;
};

// A rounded rectangle of `size` with corners of `radius`, filled with `fill`.
RoundedRect rounded_rect(sf::Vector2f size, float radius, sf::Color fill);

}  // namespace attune::window
