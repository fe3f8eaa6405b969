// The conversation as speech bubbles (client left, trainee right, coach notes between), laid
// out once per message and width, clipped to its area, scrolled, following the newest line.
// Each frame draws only the bubbles that intersect the area, straight to the screen: flat
// fills and glyphs cost software rendering less per pixel than copying a cached texture of the
// same area would, and there is nothing to re-render when a line arrives or the view scrolls.
// Bubbles at the area's edges spill over it: whoever draws the view covers its surroundings after.
#pragma once

#include <SFML/Graphics.hpp>
#include <memory>
#include <vector>

#include "rounded_rect.h"
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
    sf::FloatRect box;       // in content coordinates
    RoundedRect background;  // none for a note
    sf::VertexArray accent;
  };
  void place(Message& m, float scale);
  void draw_messages(sf::RenderTarget& target, const sf::RenderStates& states, float top, float bottom,
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
  GlyphBatch glyphs_;  // the visible text, gathered each frame
};

}  // namespace attune::window
