#include "flat_rect.h"

#include <algorithm>

namespace attune::window {

sf::VertexArray flat_rect(sf::FloatRect rect, sf::Color colour) {
  sf::VertexArray quads(sf::Quads);
  append_rect(quads, rect, colour);
  return quads;
}

void append_rect(sf::VertexArray& quads, sf::FloatRect rect, sf::Color colour) {
  const float right = rect.left + rect.width;
  const float bottom = rect.top + rect.height;
  quads.append(sf::Vertex({rect.left, rect.top}, colour));
  quads.append(sf::Vertex({right, rect.top}, colour));
  quads.append(sf::Vertex({right, bottom}, colour));
  quads.append(sf::Vertex({rect.left, bottom}, colour));
}

void set_colour(sf::VertexArray& vertices, sf::Color colour, std::size_t from, std::size_t to) {
  to = std::min(to, vertices.getVertexCount());
  for (std::size_t i = from; i < to; ++i) vertices[i].color = colour;
}

}  // namespace attune::window
