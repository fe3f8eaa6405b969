// Drawing the window's screens. Text is laid out in TextBlocks when it changes; a frame only
// draws cached shapes and glyph quads.
#include <cmath>

#include "app.h"
#include "attune/window/palette.h"
#include "draw_list.h"
#include "flat_rect.h"
#include "mood_face.h"
#include "rounded_rect.h"

namespace attune::window {
namespace {

constexpr float kMargin = 28;

const char* kRatingWords[] = {"not yet", "developing", "competent", "proficient"};

// Into the window or into a DrawList recorded for later frames.
template <typename Target>
void panel(Target& target, sf::FloatRect rect, sf::Color fill, sf::Color outline, float radius) {
  auto shape = rounded_rect({rect.width, rect.height}, radius, fill);
  shape.setPosition(rect.left, rect.top);
  if (outline.a > 0) {
    shape.setOutlineThickness(1);
    shape.setOutlineColor(outline);
  }
  target.draw(shape, fill.a == 255 ? sf::BlendNone : sf::BlendAlpha);
}

}  // namespace

sf::Text App::label(const std::string& text, float size, sf::Color colour, bool bold) const {
  sf::Text t(from_utf8(text), bold ? fonts_.bold : fonts_.regular, scaled(size, scale()));
  t.setFillColor(colour);
  sharpen(t);
  return t;
}

float App::header_height() {
  const float s = scale();
  std::string mood(sim::mood_name(shown().mood));
  if (mood != header_mood_) {
    header_mood_ = mood;
    header_block_.set({para(scenario_->client.name, 22, palette::kText, true, 2),
                       para("seems " + mood, 14, palette::kAccent, false, 6),
                       para(scenario_->client.persona, 14, palette::kMuted)});
  }
  float text_x = kMargin + 68 * s + 20 * s;
  header_block_.layout(fonts_, std::max(200.f, size().x - text_x - 230 * s - kMargin), s);
  return std::round(std::max(112 * s, header_block_.height() + 32 * s));
}

float App::input_height() const {
  const float s = scale();
  if (!session_ || screen_ != Screen::conversation) return 0;
  if (shown().end) return std::round(92 * s);
  const sim::Node& node = shown();
  if (node.is_choices()) return std::round((56 + 50 * static_cast<float>(node.choices.size())) * s);
  float box = std::max(box_block_.height(), std::round(fonts_.regular.getLineSpacing(scaled(17, s)) * 1.12f));
  return std::round(box + 96 * s);
}

void App::draw() {
  // A clear is the cheapest fill there is in software rendering: the conversation's background.
  window_.clear(palette::kBackground);
  if (screen_ == Screen::intro && session_) {
    draw_header();
    draw_intro();
  } else if (screen_ == Screen::conversation || screen_ == Screen::closing) {
    if (session_) {
      // The reply box first: its height decides the conversation's.
      if (box_changed_) {
        box_block_.set({para(to_utf8(from_utf32(box_.text())), 17, palette::kText)});
        box_changed_ = false;
        ++box_version_;
      }
      box_block_.layout(fonts_, size().x - 2 * kMargin - 40 * scale(), scale());
      float input = input_height();
      float top = header_height();
      convo_.layout(fonts_, {0, top, size().x, std::max(40.f, size().y - top - input)}, scale());
      convo_.draw(window_, now());
      // After the conversation: they cover what its edge bubbles spill.
      draw_header();
      draw_input(size().y - input);
    }
  } else if (screen_ == Screen::rating) {
    draw_rating();
  } else if (screen_ == Screen::debrief) {
    float footer = std::round(44 * scale());
    debrief_.layout(fonts_, {0, 0, size().x, size().y - footer}, scale());
    debrief_.draw(window_);
    draw_footer(
        debrief_.retry_offered()
            ? "\u2191 \u2193  choose a turn      Enter  retry from it      PgUp PgDn  scroll      Esc  close"
            : "PgUp PgDn  scroll      Enter or Esc  close");
  }
  if (dialog_.kind != DialogKind::none) draw_dialog();
}

void App::draw_header() {
  const float s = scale();
  const float h = header_height();
  // The header changes only with the mood, the width and the text scale: recorded then, and
  // drawn from the record every frame.
  std::string key = header_mood_ + "/" + std::to_string(size().x) + "/" + std::to_string(s) + "/" +
                    std::to_string(h) + "/" + std::string(sim::session_mode_name(session_->mode()));
  if (key != header_key_) {
    header_key_ = key;
    DrawList& target = header_layer_;
    target.clear();
    target.draw(flat_rect({0, 0, size().x, h}, palette::kPanel), sf::BlendNone);
    target.draw(flat_rect({0, h - 1, size().x, 1}, palette::kRule), sf::BlendNone);
    const sim::Node& node = shown();
    float radius = 34 * s;
    draw_mood_face(target, {kMargin + radius, h / 2}, radius, node.mood, has_avatar_ ? &avatar_ : nullptr);
    float text_x = kMargin + 2 * radius + 20 * s;
    target.draw(header_block_, {text_x, std::round((h - header_block_.height()) / 2)});
    sf::Text mode =
        label(session_->mode() == sim::SessionMode::practice ? "Practice session" : "Exam session", 14,
              palette::kText, true);
    mode.setPosition(std::round(size().x - kMargin - mode.getLocalBounds().width), std::round(26 * s));
    target.draw(mode);
    sf::Text keys = label("Ctrl+=  Ctrl+\u2212  text size", 13, palette::kMuted);
    keys.setPosition(std::round(size().x - kMargin - keys.getLocalBounds().width), std::round(50 * s));
    target.draw(keys);
  }
  header_layer_.draw_into(window_);
}

void App::draw_input(float top) {
  const float s = scale();
  double into = shown().end ? 0.0 : now() - line_ready_at_;
  int space = shown().end ? 0 : shown().space_ms;
  float progress = space > 0 ? static_cast<float>(std::clamp(into / space, 0.0, 1.0)) : 1.f;
  if (into < 0) progress = 0;
  // The chrome changes with the node, the size, the hover and whether the client has had its
  // space: not with each key or each step of the ring. The placeholder is recorded beside it, so
  // the first key and Enter, which hide and show it, record nothing.
  std::string key = std::to_string(size().x) + "/" + std::to_string(top) + "/" + std::to_string(s) + "/" +
                    (shown().end ? std::string("\n(end)") : shown().id) + "/" +
                    std::to_string(hovered_choice_.value_or(0)) + "/" + std::to_string(progress < 1);
  if (key != input_key_) {
    input_key_ = key;
    input_layer_.clear();
    placeholder_layer_.clear();
    draw_input_chrome(input_layer_, placeholder_layer_, top, progress);
  }
  input_layer_.draw_into(window_);
  if (box_.empty()) placeholder_layer_.draw_into(window_);
  if (shown().end) return;
  const sim::Node& node = shown();
  float y = top + 18 * s;
  if (node.is_choices()) {
    y += 50 * s * static_cast<float>(node.choices.size());
  } else {
    float box_h = size().y - top - 78 * s;
    sf::FloatRect box(kMargin, y, size().x - 2 * kMargin, box_h);
    if (!box_.empty()) box_block_.draw(window_, {box.left + 20 * s, box.top + 12 * s});
    draw_caret(box);
    y += box_h + 16 * s;
  }
  // A full ring is part of the chrome; only a filling one is drawn each frame.
  if (progress > 0 && progress < 1)
    window_.draw(silence_arc({kMargin + 10 * s, y + 14 * s}, 9 * s, progress));
}

void App::draw_input_chrome(DrawList& target, DrawList& placeholder, float top, float progress) {
  const float s = scale();
  target.draw(flat_rect({0, top, size().x, size().y - top}, palette::kPanel), sf::BlendNone);
  target.draw(flat_rect({0, top, size().x, 1}, palette::kRule), sf::BlendNone);
  choice_targets_.clear();
  float y = top + 18 * s;
  if (shown().end) {
    sf::FloatRect button(kMargin, y, std::min(420 * s, size().x - 2 * kMargin), 48 * s);
    panel(target, button, palette::kAccent, sf::Color::Transparent, 10 * s);
    sf::Text text =
        label(scenario_->competencies.empty() || scripted_ ? "See your debrief   (Enter)"
                                                           : "Rate yourself, then see your debrief   (Enter)",
              16, palette::kPanel, true);
    text.setPosition(button.left + 18 * s, button.top + 13 * s);
    target.draw(text);
    choice_targets_.push_back({button, 0, 0});
    return;
  }
  const sim::Node& node = shown();
  const std::string name = scenario_->client.name;
  std::string hint;
  std::string keys;
  if (node.is_choices()) {
    for (std::size_t i = 0; i < node.choices.size(); ++i) {
      sf::FloatRect rect(kMargin, y, size().x - 2 * kMargin, 42 * s);
      int number = static_cast<int>(i) + 1;
      bool hover = hovered_choice_ && *hovered_choice_ == number;
      panel(target, rect, hover ? palette::kHover : palette::kBackground,
            hover ? palette::kAccent : palette::kRule, 8 * s);
      sf::Text key = label(std::to_string(number), 16, palette::kAccent, true);
      key.setPosition(rect.left + 16 * s, rect.top + 10 * s);
      target.draw(key);
      sf::Text text = label(node.choices[i].text, 16, palette::kText);
      text.setPosition(rect.left + 48 * s, rect.top + 10 * s);
      target.draw(text);
      choice_targets_.push_back({rect, number, 0});
      y += 50 * s;
    }
    hint = progress < 1 ? "Giving " + name + " space" : "Space held";
    keys = "1\u2013" + std::to_string(node.choices.size()) + "  choose      Esc  menu";
  } else {
    float box_h = size().y - top - 78 * s;
    sf::FloatRect box(kMargin, y, size().x - 2 * kMargin, box_h);
    panel(target, box, palette::kBackground, palette::kAccent, 10 * s);
    sf::Text prompt = label("Type your reply\u2026", 17, palette::kMuted);
    prompt.setPosition(box.left + 20 * s, box.top + 12 * s);
    placeholder.draw(prompt);
    y += box_h + 16 * s;
    hint = progress < 1 ? "Giving " + name + " space" : "Space held";
    keys = "Enter  send      Tab or Ctrl+Space  stay silent and let " + name + " go on      Esc  menu";
  }
  sf::Vector2f ring_centre(kMargin + 10 * s, y + 14 * s);
  target.draw(silence_track(ring_centre, 9 * s));
  if (progress >= 1) target.draw(silence_arc(ring_centre, 9 * s, 1.f));
  sf::Text hint_text = label(hint, 13, palette::kMuted);
  hint_text.setPosition(kMargin + 28 * s, y + 5 * s);
  target.draw(hint_text);
  sf::Text keys_text = label(keys, 13, palette::kMuted);
  keys_text.setPosition(size().x - kMargin - keys_text.getLocalBounds().width, y + 5 * s);
  target.draw(keys_text);
}

void App::draw_caret(sf::FloatRect box) {
  const float s = scale();
  unsigned size_px = scaled(17, s);
  float line_h = std::round(fonts_.regular.getLineSpacing(size_px) * 1.12f);
  // Where the caret stands changes only with the text or the caret (box_version_) and the box's
  // width: measured then, by wrapping the text as the block did and measuring within its line.
  if (caret_for_ != std::tuple(box_version_, box.width, s)) {
    caret_for_ = std::tuple(box_version_, box.width, s);
    sf::String text = from_utf32(box_.text());
    auto lines = wrap_text(text, fonts_.regular, size_px, box.width - 40 * s);
    std::size_t line = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (box_.caret() >= lines[i].begin) line = i;
    }
    sf::Text measure(text.substring(lines[line].begin, lines[line].end - lines[line].begin), fonts_.regular,
                     size_px);
    std::size_t column = std::min(box_.caret() - lines[line].begin, lines[line].end - lines[line].begin);
    caret_at_ = {measure.findCharacterPos(column).x, static_cast<float>(line) * line_h};
  }
  sf::FloatRect caret(std::round(box.left + 20 * s + caret_at_.x), box.top + 12 * s + caret_at_.y + 3 * s, 2,
                      line_h - 2 * s);
  window_.draw(flat_rect(caret, palette::kText), sf::BlendNone);
}

sf::CircleShape App::silence_track(sf::Vector2f centre, float radius) const {
  sf::CircleShape track(radius, 40);
  track.setOrigin(radius, radius);
  track.setPosition(centre);
  track.setFillColor(sf::Color::Transparent);
  track.setOutlineThickness(-3 * scale());
  track.setOutlineColor(palette::kBarTrack);
  return track;
}

// The filled part of the ring, clockwise from the top, drawn over the track.
sf::VertexArray App::silence_arc(sf::Vector2f centre, float radius, float progress) const {
  constexpr int kSegments = 48;
  int segments = std::max(1, static_cast<int>(std::ceil(progress * kSegments)));
  sf::VertexArray arc(sf::TriangleStrip);
  float inner = radius - 3 * scale();
  for (int i = 0; i <= segments; ++i) {
    float angle = (-90.f + 360.f * progress * static_cast<float>(i) / static_cast<float>(segments)) *
                  3.14159265f / 180.f;
    sf::Vector2f dir(std::cos(angle), std::sin(angle));
    arc.append(sf::Vertex(centre + dir * radius, palette::kBar));
    arc.append(sf::Vertex(centre + dir * inner, palette::kBar));
  }
  return arc;
}

void App::draw_intro() {
  const float s = scale();
  float width = std::min(760 * s, size().x - 2 * kMargin);
  std::vector<Paragraph> ps{para(scenario_->title, 24, palette::kText, true, 12)};
  if (!scenario_->summary.empty()) ps.push_back(para(scenario_->summary, 16, palette::kText, false, 12));
  if (!scenario_->content_note.empty())
    ps.push_back(para("Content note: " + scenario_->content_note, 15, palette::kMuted, false, 12));
  ps.push_back(para(session_->mode() == sim::SessionMode::practice
                        ? "Practice session: a short coach note follows each of your turns."
                        : "Exam session: no coach notes until the end.",
                    15, palette::kText, false, 12));
  ps.push_back(para("Take your time. When " + scenario_->client.name +
                        " has spoken, the ring below the reply box fills while you give them space. Tab or "
                        "Ctrl+Space lets " +
                        scenario_->client.name + " go on without a word from you.",
                    15, palette::kMuted, false, 18));
  ps.push_back(para("Press Enter to begin", 16, palette::kAccent, true));
  TextBlock block;
  block.set(std::move(ps));
  block.layout(fonts_, width - 56 * s, s);
  float top = header_height() + 40 * s;
  sf::FloatRect card((size().x - width) / 2, top, width, block.height() + 56 * s);
  panel(window_, card, palette::kPanel, palette::kRule, 14 * s);
  block.draw(window_, {card.left + 28 * s, card.top + 28 * s});
}

void App::draw_rating() {
  const float s = scale();
  rating_targets_.clear();
  float width = std::min(860 * s, size().x - 2 * kMargin);
  float left = (size().x - width) / 2;
  float y = 48 * s;
  TextBlock intro;
  intro.set({para("Before you see your scores", 24, palette::kText, true, 10),
             para("Rate yourself on each skill this scenario focuses on, from 1 (not yet) to 4 (proficient). "
                  "Your supervisor sees your rating beside the score.",
                  15, palette::kMuted)});
  intro.layout(fonts_, width, s);
  intro.draw(window_, {left, y});
  y += intro.height() + 30 * s;
  float button_w = 128 * s;
  for (std::size_t row = 0; row < scenario_->competencies.size(); ++row) {
    const std::string& id = scenario_->competencies[row];
    bool current = static_cast<int>(row) == rating_row_;
    sf::FloatRect band(left - 14 * s, y - 8 * s, width + 28 * s, 58 * s);
    if (current) panel(window_, band, palette::kPanel, palette::kAccent, 10 * s);
    sf::Text name = label(id_words(id), 17, palette::kText, current);
    name.setPosition(left, y + 8 * s);
    window_.draw(name);
    auto given = ratings_.find(id);
    for (int value = 1; value <= 4; ++value) {
      sf::FloatRect rect(left + width - static_cast<float>(5 - value) * (button_w + 8 * s), y, button_w,
                         42 * s);
      bool chosen = given != ratings_.end() && given->second == value;
      panel(window_, rect, chosen ? palette::kAccent : palette::kBackground, palette::kRule, 8 * s);
      sf::Text text = label(std::to_string(value) + "  " + kRatingWords[value - 1], 14,
                            chosen ? palette::kPanel : palette::kText, chosen);
      text.setPosition(rect.left + 12 * s, rect.top + 11 * s);
      window_.draw(text);
      rating_targets_.push_back({rect, value, static_cast<int>(row)});
    }
    y += 66 * s;
  }
  y += 12 * s;
  bool ready = ratings_.size() == scenario_->competencies.size();
  sf::FloatRect go(left, y, 300 * s, 46 * s);
  panel(window_, go, ready ? palette::kAccent : palette::kBarTrack, sf::Color::Transparent, 10 * s);
  sf::Text text = label("Show my debrief   (Enter)", 16, ready ? palette::kPanel : palette::kMuted, true);
  text.setPosition(go.left + 18 * s, go.top + 12 * s);
  window_.draw(text);
  rating_targets_.push_back({go, 0, 0});
  draw_footer(
      "\u2191 \u2193  choose a skill      1\u20134 or \u2190 \u2192  rate it      Enter  continue      Esc  "
      "menu");
}

void App::draw_footer(const std::string& hint) {
  const float h = std::round(44 * scale());
  window_.draw(flat_rect({0, size().y - h, size().x, h}, palette::kPanel), sf::BlendNone);
  window_.draw(flat_rect({0, size().y - h, size().x, 1}, palette::kRule), sf::BlendNone);
  sf::Text text = label(hint, 13, palette::kMuted);
  text.setPosition(kMargin, size().y - h + 13 * scale());
  window_.draw(text);
}

void App::draw_dialog() {
  const float s = scale();
  window_.draw(flat_rect({{0, 0}, size()}, palette::kShade));
  float width = std::min(620 * s, size().x - 2 * kMargin);
  TextBlock block;
  std::vector<Paragraph> ps{para(dialog_.title, 20, palette::kText, true, 8)};
  if (!dialog_.body.empty()) ps.push_back(para(dialog_.body, 15, palette::kMuted));
  block.set(std::move(ps));
  block.layout(fonts_, width - 56 * s, s);
  float options_h = static_cast<float>(dialog_.options.size()) * 52 * s;
  float height = block.height() + options_h + 72 * s;
  sf::FloatRect card((size().x - width) / 2, (size().y - height) / 2, width, height);
  panel(window_, card, palette::kPanel, palette::kRule, 14 * s);
  block.draw(window_, {card.left + 28 * s, card.top + 28 * s});
  float y = card.top + 28 * s + block.height() + 22 * s;
  dialog_.rects.clear();
  for (std::size_t i = 0; i < dialog_.options.size(); ++i) {
    sf::FloatRect rect(card.left + 28 * s, y, width - 56 * s, 44 * s);
    bool chosen = static_cast<int>(i) == dialog_.selected;
    panel(window_, rect, chosen ? palette::kHover : palette::kBackground,
          chosen ? palette::kAccent : palette::kRule, 8 * s);
    sf::Text text = label(dialog_.options[i], 16, palette::kText, chosen);
    text.setPosition(rect.left + 16 * s, rect.top + 11 * s);
    window_.draw(text);
    dialog_.rects.push_back(rect);
    y += 52 * s;
  }
}

}  // namespace attune::window
