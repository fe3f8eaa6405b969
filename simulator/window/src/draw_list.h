// Shapes and text recorded once and drawn every frame until what they show changes: the header
// and the reply area's chrome. Kept as shapes rather than rendered into a texture because in
// software rendering (Mesa's llvmpipe, which the benchmark and many laptops in VMs use) copying a
// texture to the screen costs several times more per pixel than filling a flat shape, and most
// of these pixels are flat. What the list saves is the per-frame layout and allocation.
#pragma once

#include <SFML/Graphics.hpp>
#include <memory>
#include <utility>
#include <vector>

#include "text_block.h"

namespace attune::window {

class DrawList {
 public:
  // Called like sf::RenderTarget::draw, so that drawing code can record into a list.
  template <typename T>
  void draw(const T& drawable, const sf::RenderStates& states = sf::RenderStates::Default) {
    items_.push_back({std::make_unique<T>(drawable), states});
  }
  // Labels as glyph quads: llvmpipe fills those faster than sf::Text's triangles.
  void draw(const sf::Text& text, const sf::RenderStates& states = sf::RenderStates::Default) {
    items_.push_back({std::make_unique<TextQuads>(text), states});
  }
  void draw(const TextBlock& block, sf::Vector2f at) {
    items_.push_back({std::make_unique<PlacedBlock>(block, at), sf::RenderStates::Default});
  }
  void clear() { items_.clear(); }
  void draw_into(sf::RenderTarget& target) const {
    for (const auto& [drawable, states] : items_) target.draw(*drawable, states);
  }

 private:
  struct PlacedBlock : sf::Drawable {
    PlacedBlock(TextBlock b, sf::Vector2f a) : block(std::move(b)), at(a) {}
    void draw(sf::RenderTarget& target, sf::RenderStates) const override { block.draw(target, at); }
    TextBlock block;
    sf::Vector2f at;
  };
  std::vector<std::pair<std::unique_ptr<sf::Drawable>, sf::RenderStates>> items_;
};

}  // namespace attune::window
