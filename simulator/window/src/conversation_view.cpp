#include "conversation_view.h"

#include <algorithm>
#include <cmath>

#include "attune/window/palette.h"
#include "flat_rect.h"

namespace attune::window {
namespace {

constexpr float kMargin = 28;
constexpr float kPadX = 16;
constexpr float kPadY = 11;
constexpr float kGap = 14;

sf::Color with_alpha(sf::Color c, sf::Uint8 alpha) {
  c.a = static_cast<sf::Uint8>(c.a * alpha / 255);
  return c;
}

sf::Color bubble_fill(MessageKind kind) {
  return kind == MessageKind::client    ? palette::kClientBubble
         : kind == MessageKind::trainee ? palette::kTraineeBubble
                                        : palette::kCoachCard;
}

}  // namespace

void ConversationView::add(MessageKind kind, std::vector<Paragraph> paragraphs, double now, bool instant) {
  auto m = std::make_unique<Message>();
  m->kind = kind;
  m->block.set(std::move(paragraphs));
  m->appear_at = instant ? now - kAppearMs : now;
  settled_at_ = std::max(settled_at_, m->appear_at + kAppearMs);
  messages_.push_back(std::move(m));
}

void ConversationView::clear() {
  messages_.clear();
  placed_ = 0;
  content_height_ = 0;
  scroll_ = 0;
  follow_ = true;
}

void ConversationView::place(Message& m, float scale) {
  float pad_x = kPadX * scale;
  float pad_y = kPadY * scale;
  float inner = area_.width - 2 * kMargin;
  float max_width = m.kind == MessageKind::coach ? std::min(inner * 0.78f, 880 * scale)
                                                 : std::min(inner * 0.66f, 760 * scale);
  if (m.kind == MessageKind::note) max_width = inner;
  m.block.layout(*fonts_, max_width - 2 * pad_x, scale, palette::kEvidence);
  float width = m.block.widest_line() + 2 * pad_x;
  if (m.kind == MessageKind::coach) width = max_width;
  float height = m.block.height() + 2 * pad_y;
  float x = kMargin;
  if (m.kind == MessageKind::trainee) x = area_.width - kMargin - width;
  if (m.kind == MessageKind::coach) x = area_.width - kMargin - width;
  if (m.kind == MessageKind::note) x = (area_.width - width) / 2;
  float top = content_height_ + (content_height_ == 0 ? kGap * scale : 0);
  m.box = {x, top, width, height};
  if (m.kind == MessageKind::note) {
    m.background = RoundedRect();
  } else {
    m.background = rounded_rect({width, height}, 14 * scale, bubble_fill(m.kind));
    if (m.kind == MessageKind::client) {
      m.background.setOutlineThickness(1);
      m.background.setOutlineColor(palette::kRule);
    }
    m.background.setPosition(x, top);
  }
  m.accent = flat_rect(
      {x + 6 * scale, top + 8 * scale, m.kind == MessageKind::coach ? 4 * scale : 0, height - 16 * scale},
      palette::kCoachAccent);
  content_height_ = top + height + kGap * scale;
}

void ConversationView::layout(const Fonts& fonts, sf::FloatRect area, float scale) {
  fonts_ = &fonts;
  bool reflow = area.width != area_.width || scale != scale_;
  bool was_at_end = follow_;
  area_ = area;
  scale_ = scale;
  if (reflow) {
    content_height_ = 0;
    placed_ = 0;
  }
  for (; placed_ < messages_.size(); ++placed_) place(*messages_[placed_], scale);
  if (was_at_end) scroll_ = max_scroll();
  scroll_ = std::clamp(scroll_, 0.f, max_scroll());
}

void ConversationView::scroll_by(float dy) {
  scroll_ = std::clamp(scroll_ + dy, 0.f, max_scroll());
  follow_ = scroll_ >= max_scroll() - 1;
}

void ConversationView::to_end() {
  scroll_ = max_scroll();
  follow_ = true;
}

void ConversationView::draw_messages(sf::RenderTarget& target, const sf::RenderStates& states, float top,
                                     float bottom, double now) {
  // Messages are in content order: skip to the first visible one, stop after the last.
  auto end = messages_.begin() + static_cast<std::ptrdiff_t>(placed_);
  auto first = std::partition_point(messages_.begin(), end,
                                    [&](const auto& m) { return m->box.top + m->box.height < top; });
  // Bubbles never overlap, so every bubble can go down before all the text does.
  glyphs_.clear();
  for (auto it = first; it != end; ++it) {
    Message& m = **it;
    if (m.box.top > bottom) break;
    double age = now - m.appear_at;
    auto alpha = static_cast<sf::Uint8>(std::clamp(age / kAppearMs, 0.0, 1.0) * 255);
    // Not yet begun to fade in (the frame a line arrives in): blending it in would change no pixel.
    if (alpha == 0) continue;
    m.block.set_alpha(alpha);
    if (!m.background.empty()) {
      const sf::Color fill = bubble_fill(m.kind);
      if (m.background.getFillColor().a != alpha) {
        m.background.setFillColor(with_alpha(fill, alpha));
        m.background.setOutlineColor(with_alpha(palette::kRule, alpha));
        set_colour(m.accent, with_alpha(palette::kCoachAccent, alpha));
      }
      // Opaque fills need no blending, which software rendering pays for per pixel.
      sf::RenderStates bubble = states;
      bubble.blendMode = alpha == 255 ? sf::BlendNone : sf::BlendAlpha;
      target.draw(m.background, bubble);
      if (m.kind == MessageKind::coach) target.draw(m.accent, states);
    }
    float pad_x = kPadX * scale_ + (m.kind == MessageKind::coach ? 6 * scale_ : 0);
    sf::Vector2f at(m.box.left + pad_x, m.box.top + kPadY * scale_);
    m.block.draw_marks(target, at, states);
    m.block.add_glyphs(glyphs_, at);
  }
  glyphs_.draw(target, states);
}

bool ConversationView::draw(sf::RenderTarget& target, double now) {
  // The settled messages (all but those still fading in, which are the newest).
  std::size_t settled = placed_;
  while (settled > 0 && messages_[settled - 1]->appear_at + kAppearMs > now) --settled;
  if (area_.width <= 0 || area_.height <= 0) return settled < placed_;
  // A whole-pixel scroll keeps the glyphs on the pixel grid. No viewport clips the area: with one,
  // llvmpipe clips every primitive and loses its fast path for screen-aligned quads, which doubles
  // the cost of text. What spills over the area's edges is covered by the header and the reply
  // area, drawn after the conversation.
  float scroll = std::round(scroll_);
  sf::RenderStates states;
  states.transform.translate(area_.left, area_.top - scroll);
  draw_messages(target, states, scroll, scroll + area_.height, now);
  return settled < placed_;
}

}  // namespace attune::window
