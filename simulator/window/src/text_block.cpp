#include "text_block.h"

#include <cmath>

namespace attune::window {

Paragraph para(const std::string& text, float size, sf::Color colour, bool bold, float gap) {
  Paragraph p;
  p.text = from_utf8(text);
  p.size = size;
  p.colour = colour;
  p.bold = bold;
  p.gap_after = gap;
  return p;
}

std::string id_words(std::string id) {
  for (char& c : id) c = c == '_' ? ' ' : c;
  return id;
}

sf::String from_utf8(std::string_view text) {
  return sf::String::fromUtf8(text.begin(), text.end());
}

std::string to_utf8(const sf::String& text) {
  auto bytes = text.toUtf8();
  return std::string(bytes.begin(), bytes.end());
}

sf::String from_utf32(const std::u32string& text) {
  return sf::String::fromUtf32(text.begin(), text.end());
}

Span code_point_span(std::string_view utf8, std::size_t begin, std::size_t end) {
  Span span;
  std::size_t points = 0;
  for (std::size_t i = 0; i <= utf8.size(); ++i) {
    bool starts_point = i == utf8.size() || (static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80;
    if (!starts_point) continue;
    if (i <= begin) span.begin = points;
    if (i <= end) span.end = points;
    ++points;
  }
  return span;
}

unsigned scaled(float size, float scale) {
  return static_cast<unsigned>(std::lround(size * scale));
}

std::vector<WrappedLine> wrap_text(const sf::String& text, const sf::Font& font, unsigned size, float width) {
  std::vector<WrappedLine> lines;
  std::size_t start = 0;
  std::size_t last_space = std::string::npos;
  float x = 0;
  sf::Uint32 previous = 0;
  for (std::size_t i = 0; i < text.getSize(); ++i) {
    sf::Uint32 c = text[i];
    if (c == '\n') {
      lines.push_back({start, i});
      start = i + 1;
      last_space = std::string::npos;
      x = 0;
      previous = 0;
      continue;
    }
    float advance =
        font.getGlyph(c, size, false).advance + (previous ? font.getKerning(previous, c, size) : 0.f);
    previous = c;
    if (c == ' ') {
      last_space = i;
      x += advance;
      continue;
    }
    if (x + advance > width && i > start) {
      std::size_t cut = last_space != std::string::npos ? last_space : i;
      lines.push_back({start, cut});
      start = last_space != std::string::npos ? last_space + 1 : i;
      last_space = std::string::npos;
      // Measure what moved to the new line.
      x = 0;
      previous = 0;
      for (std::size_t j = start; j < i; ++j) {
        x += font.getGlyph(text[j], size, false).advance;
        previous = text[j];
      }
      x += font.getGlyph(c, size, false).advance;
      previous = c;
      continue;
    }
    x += advance;
  }
  lines.push_back({start, text.getSize()});
  return lines;
}

void TextBlock::layout(const Fonts& fonts, float width, float scale, sf::Color highlight) {
  if (width == laid_out_width_ && scale == laid_out_scale_) return;
  laid_out_width_ = width;
  laid_out_scale_ = scale;
  lines_.clear();
  marks_.clear();
  base_colours_.clear();
  height_ = 0;
  widest_ = 0;
  for (const Paragraph& p : paragraphs_) {
    unsigned size = scaled(p.size, scale);
    const sf::Font& font = p.bold ? fonts.bold : fonts.regular;
    float line_height = std::round(font.getLineSpacing(size) * 1.12f);
    for (const WrappedLine& w : wrap_text(p.text, font, size, width)) {
      sf::Text text(p.text.substring(w.begin, w.end - w.begin), font, size);
      text.setFillColor(p.colour);
      text.setPosition(0, height_);
      for (const Span& h : p.highlights) {
        std::size_t b = std::max(h.begin, w.begin);
        std::size_t e = std::min(h.end, w.end);
        if (b >= e) continue;
        float x0 = text.findCharacterPos(b - w.begin).x;
        float x1 = text.findCharacterPos(e - w.begin).x;
        sf::RectangleShape mark({x1 - x0 + 4, line_height});
        mark.setPosition(x0 - 2, height_ - 1);
        mark.setFillColor(highlight);
        marks_.push_back(mark);
      }
      widest_ = std::max(widest_, text.getLocalBounds().left + text.getLocalBounds().width);
      lines_.push_back(std::move(text));
      base_colours_.push_back(p.colour);
      height_ += line_height;
    }
    height_ += std::round(p.gap_after * scale);
  }
  if (!paragraphs_.empty()) height_ -= std::round(paragraphs_.back().gap_after * scale);
  if (alpha_ != 255) {
    sf::Uint8 alpha = alpha_;
    alpha_ = 255;
    set_alpha(alpha);
  }
}

void TextBlock::set_alpha(sf::Uint8 alpha) {
  if (alpha == alpha_) return;
  alpha_ = alpha;
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    sf::Color c = base_colours_[i];
    c.a = static_cast<sf::Uint8>(c.a * alpha / 255);
    lines_[i].setFillColor(c);
  }
  for (auto& mark : marks_) {
    sf::Color c = mark.getFillColor();
    c.a = alpha;
    mark.setFillColor(c);
  }
}

void TextBlock::draw(sf::RenderTarget& target, sf::Vector2f at) const {
  sf::RenderStates states;
  // Whole pixels: glyphs land on the screen's pixel grid, crisp with nearest sampling.
  states.transform.translate(std::round(at.x), std::round(at.y));
  for (const auto& mark : marks_) target.draw(mark, states);
  for (const auto& line : lines_) {
    sharpen(line);
    target.draw(line, states);
  }
}

void sharpen(const sf::Text& text) {
  if (text.getFont() == nullptr) return;
  // The page belongs to the font's mutable page table, not to a const object: changing its
  // filtering is well-defined. A no-op once set, until the page grows into a new texture.
  const_cast<sf::Texture&>(text.getFont()->getTexture(text.getCharacterSize())).setSmooth(false);
}

}  // namespace attune::window
