// Axis-aligned rectangles as quads. Mesa's software renderer (llvmpipe) fills a screen-aligned
// quad on a fast path, shading whole tiles at once, where the same rectangle as triangles or a
// triangle fan (sf::RectangleShape) is rasterized edge by edge: several times the cost per pixel
// for the large flat panels and bubbles that make up most of the window.
#pragma once

#include <SFML/Graphics.hpp>

namespace attune::window {

// A rectangle of one colour: four vertices, drawn as sf::Quads.
sf::VertexArray flat_rect(sf::FloatRect rect, sf::Color colour);
// Appends `rect` to a sf::Quads array.
void append_rect(sf::VertexArray& quads, sf::FloatRect rect, sf::Color colour);
// Colours vertices [from, to) of `vertices`, all of them by default.
void set_colour(sf::VertexArray& vertices, sf::Color colour, std::size_t from = 0,
                std::size_t to = static_cast<std::size_t>(-1));

}  // namespace attune::window
