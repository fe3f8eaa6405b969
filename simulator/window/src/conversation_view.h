// The conversation as speech bubbles (client left, trainee right, coach notes between), laid
// out once per message and width, clipped to its area, scrolled, following the newest line.
#pragma once

#include <SFML/Graphics.hpp>
#include <cstdint>
#include <memory>
#include <vector>

#include "text_block.h"

namespace attune::window {

enum class MessageKind { client, trainee, coach, note };

class ConversationView {
 public:
  static constexpr double kAppearMs = 250;  // a new line fades in; it has "appeared" after this

  // Adds a message; it fades in from `now` (ms on the session clock) unless `instant`.
  void add(MessageKind kind, std::vector<Paragraph> paragraphs, double now, bool instant = false);
  void clear();
  std::size_t size() const { return messages_.size(); }
  // When the newest message has finished appearing.
  double settled_at() const { return settled_at_; }

  void layout(const Fonts& fonts, sf::FloatRect area, float scale);
  // Draws the visible messages; true while one is still fading in.
  bool draw(sf::RenderTarget& target, double now);

  void scroll_by(float dy);
  void page(int direction) { scroll_by(static_cast<float>(direction) * area_.height * 0.85f); }
  void to_start() { scroll_by(-content_height_); }
  void to_end();
  bool following() const { return follow_; }

 private:
  struct Message {
    MessageKind kind;
    TextBlock block;
    double appear_at = 0;
    sf::FloatRect box;  // in content coordinates
    sf::ConvexShape background;
    sf::RectangleShape accent;
  };
  void place(Message& m, float scale);
  void draw_messages(sf::RenderTarget& target, std::size_t from, std::size_t to, float top, float bottom,
                     double now);
  float max_scroll() const { return std::max(0.f, content_height_ - area_.height); }

  const Fonts* fonts_ = nullptr;
  std::vector<std::unique_ptr<Message>> messages_;
  std::size_t placed_ = 0;
  sf::FloatRect area_;
  float scale_ = 1;
  float content_height_ = 0;
  float scroll_ = 0;
  bool follow_ = true;
  double settled_at_ = 0;
  // The settled conversation, rendered in fixed-height tiles of the content and kept: scrolling
  // over tiles already drawn, typing below them and a new line settling (drawn into the tiles it
  // overlaps) cost a textured quad or two, never a re-render of the whole conversation. At most
  // one tile is rendered a frame beyond those on screen, so scrolling into new ones stays smooth.
  struct Tile {
    int index = -1;  // content rows [index * kTileHeight, (index + 1) * kTileHeight)
    sf::RenderTexture texture;
    std::size_t messages = 0;  // the settled messages drawn into it
    std::uint64_t used = 0;
  };
  static constexpr int kTileHeight = 512;
  static constexpr std::size_t kMaxTiles = 10;
  Tile* tile(int index, std::size_t settled, double now, bool& rendered);
  void invalidate_tiles();
  std::vector<std::unique_ptr<Tile>> tiles_;
  unsigned tile_width_ = 0;
  std::uint64_t frame_ = 0;
  bool tiles_ok_ = true;
};

}  // namespace attune::window
