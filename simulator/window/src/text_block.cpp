#include "text_block.h"

#include <cmath>

#include "flat_rect.h"

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

namespace {

struct LaidLine {
  std::vector<float> pen;  // before each character and after the last, as sf::Text::findCharacterPos
  float right = 0;         // the right edge of the last glyph or space
};

// One glyph as a quad. sf::Text builds two triangles instead, but llvmpipe (Mesa's software
// renderer) fills axis-aligned quads on a fast path that triangles do not take: text draws in
// about half the time. sf::Text also pads every quad by a texel of the
// page's empty border so that bilinear sampling at fractional positions keeps the glyph's edges;
// at whole pixels with nearest sampling that border changes no pixel, and leaving it out spares
// software rendering a third of the text's fill.
void add_glyph_quad(std::vector<sf::Vertex>& out, float x, float y, const sf::Glyph& glyph,
                    sf::Color colour) {
  const sf::FloatRect& b = glyph.bounds;
  const sf::IntRect& t = glyph.textureRect;
  const bool one_to_one = x == std::floor(x) && y == std::floor(y) &&
                          b.width == static_cast<float>(t.width) && b.height == static_cast<float>(t.height);
  const float pad = one_to_one ? 0.f : 1.f;
  float left = x + b.left - pad, top = y + b.top - pad;
  float right = x + b.left + b.width + pad, bottom = y + b.top + b.height + pad;
  float u1 = static_cast<float>(t.left) - pad, v1 = static_cast<float>(t.top) - pad;
  float u2 = static_cast<float>(t.left + t.width) + pad, v2 = static_cast<float>(t.top + t.height) + pad;
  out.emplace_back(sf::Vector2f(left, top), colour, sf::Vector2f(u1, v1));
  out.emplace_back(sf::Vector2f(right, top), colour, sf::Vector2f(u2, v1));
  out.emplace_back(sf::Vector2f(right, bottom), colour, sf::Vector2f(u2, v2));
  out.emplace_back(sf::Vector2f(left, bottom), colour, sf::Vector2f(u1, v2));
}

// Lays out text[begin, end) as glyph quads appended to `out`, with the pen starting at `origin`
// on the baseline.
LaidLine lay_line(std::vector<sf::Vertex>& out, const sf::String& text, std::size_t begin, std::size_t end,
                  const sf::Font& font, unsigned size, sf::Color colour, sf::Vector2f origin) {
  LaidLine line;
  line.pen.reserve(end - begin + 1);
  float x = 0;
  sf::Uint32 previous = 0;
  for (std::size_t i = begin; i < end; ++i) {
    sf::Uint32 c = text[i];
    line.pen.push_back(x);
    if (c == '\r') continue;
    x += font.getKerning(previous, c, size);
    previous = c;
    if (c == ' ' || c == '\t') {
      x += font.getGlyph(' ', size, false).advance * (c == '\t' ? 4.f : 1.f);
      line.right = std::max(line.right, x);
      continue;
    }
    const sf::Glyph& glyph = font.getGlyph(c, size, false);
    if (glyph.bounds.width > 0 && glyph.bounds.height > 0)
      add_glyph_quad(out, origin.x + x, origin.y, glyph, colour);
    // As sf::Text measures its bounds: an invisible glyph (a no-break space) still counts.
    line.right = std::max(line.right, x + glyph.bounds.left + glyph.bounds.width);
    x += glyph.advance;
  }
  line.pen.push_back(x);
  return line;
}

sf::RenderStates page_states(const sf::Font& font, unsigned size, sf::RenderStates states) {
  sharpen(font, size);
  states.texture = &font.getTexture(size);
  return states;
}

}  // namespace

TextQuads::TextQuads(const sf::Text& text) {
  const sf::Font* font = text.getFont();
  const unsigned size = text.getCharacterSize();
  if (font == nullptr) return;
  // Labels are only ever moved: laid out where they stand, whole-pixel positions keep their
  // quads unpadded (see add_glyph_quad). Anything else is laid out at the origin and transformed.
  const bool moved_only =
      text.getRotation() == 0 && text.getScale() == sf::Vector2f(1, 1) && text.getOrigin() == sf::Vector2f();
  const sf::Vector2f at = moved_only ? text.getPosition() : sf::Vector2f();
  const sf::String& string = text.getString();
  std::vector<sf::Vertex>& vertices = glyphs_.page(*font, size);
  float y = at.y + static_cast<float>(size);
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= string.getSize(); ++i) {
    if (i < string.getSize() && string[i] != '\n') continue;
    lay_line(vertices, string, begin, i, *font, size, text.getFillColor(), {at.x, y});
    y += font->getLineSpacing(size);
    begin = i + 1;
  }
  if (moved_only) return;
  const sf::Transform& transform = text.getTransform();
  for (sf::Vertex& v : vertices) v.position = transform.transformPoint(v.position);
}

void TextQuads::draw(sf::RenderTarget& target, sf::RenderStates states) const {
  glyphs_.draw(target, states);
}

void GlyphBatch::clear() {
  for (Page& p : pages_) p.vertices.clear();
}

std::vector<sf::Vertex>& GlyphBatch::page(const sf::Font& font, unsigned size) {
  for (Page& p : pages_) {
    if (p.font == &font && p.size == size) return p.vertices;
  }
  pages_.push_back({&font, size, {}});
  return pages_.back().vertices;
}

void GlyphBatch::append(const GlyphBatch& other, sf::Vector2f offset, sf::Uint8 alpha) {
  for (const Page& p : other.pages_) {
    auto& out = page(*p.font, p.size);
    for (sf::Vertex v : p.vertices) {
      v.position += offset;
      if (alpha != 255) v.color.a = static_cast<sf::Uint8>(v.color.a * alpha / 255);
      out.push_back(v);
    }
  }
}

void GlyphBatch::draw(sf::RenderTarget& target, const sf::RenderStates& states) const {
  for (const Page& p : pages_) {
    if (p.vertices.empty()) continue;
    target.draw(p.vertices.data(), p.vertices.size(), sf::Quads, page_states(*p.font, p.size, states));
  }
}

std::vector<float> TextBlock::add_line(const sf::String& text, std::size_t begin, std::size_t end,
                                       const sf::Font& font, unsigned size, sf::Color colour, float y) {
  LaidLine line = lay_line(glyphs_.page(font, size), text, begin, end, font, size, colour, {0, y});
  widest_ = std::max(widest_, line.right);
  return std::move(line.pen);
}

void TextBlock::layout(const Fonts& fonts, float width, float scale, sf::Color highlight) {
  if (width == laid_out_width_ && scale == laid_out_scale_) return;
  laid_out_width_ = width;
  laid_out_scale_ = scale;
  glyphs_ = GlyphBatch();
  marks_.clear();
  height_ = 0;
  widest_ = 0;
  for (const Paragraph& p : paragraphs_) {
    unsigned size = scaled(p.size, scale);
    const sf::Font& font = p.bold ? fonts.bold : fonts.regular;
    float line_height = std::round(font.getLineSpacing(size) * 1.12f);
    for (const WrappedLine& w : wrap_text(p.text, font, size, width)) {
      auto pen = add_line(p.text, w.begin, w.end, font, size, p.colour, height_ + static_cast<float>(size));
      for (const Span& h : p.highlights) {
        std::size_t b = std::max(h.begin, w.begin);
        std::size_t e = std::min(h.end, w.end);
        if (b >= e) continue;
        float x0 = pen[b - w.begin];
        float x1 = pen[e - w.begin];
        append_rect(marks_, {x0 - 2, height_ - 1, x1 - x0 + 4, line_height}, highlight);
      }
      height_ += line_height;
    }
    height_ += std::round(p.gap_after * scale);
  }
  if (!paragraphs_.empty()) height_ -= std::round(paragraphs_.back().gap_after * scale);
  if (alpha_ != 255) {
    for (std::size_t i = 0; i < marks_.getVertexCount(); ++i) marks_[i].color.a = alpha_;
  }
}

void TextBlock::set_alpha(sf::Uint8 alpha) {
  if (alpha == alpha_) return;
  alpha_ = alpha;
  for (std::size_t i = 0; i < marks_.getVertexCount(); ++i) marks_[i].color.a = alpha;
}

void TextBlock::draw_marks(sf::RenderTarget& target, sf::Vector2f at, const sf::RenderStates& base) const {
  sf::RenderStates states = base;
  states.transform.translate(std::round(at.x), std::round(at.y));
  if (marks_.getVertexCount() > 0) target.draw(marks_, states);
}

void TextBlock::draw(sf::RenderTarget& target, sf::Vector2f at) const {
  draw_marks(target, at);
  // Whole pixels: glyphs land on the screen's pixel grid, crisp with nearest sampling.
  const sf::Vector2f offset(std::round(at.x), std::round(at.y));
  if (alpha_ != 255) {
    GlyphBatch faded;
    faded.append(glyphs_, offset, alpha_);
    faded.draw(target);
    return;
  }
  sf::RenderStates states;
  states.transform.translate(offset);
  glyphs_.draw(target, states);
}

void TextBlock::add_glyphs(GlyphBatch& batch, sf::Vector2f at) const {
  batch.append(glyphs_, {std::round(at.x), std::round(at.y)}, alpha_);
}

void sharpen(const sf::Text& text) {
  if (text.getFont() != nullptr) sharpen(*text.getFont(), text.getCharacterSize());
}

void sharpen(const sf::Font& font, unsigned size) {
  // The page belongs to the font's mutable page table, not to a const object: changing its
  // filtering is well-defined. A no-op once set, until the page grows into a new texture.
  const_cast<sf::Texture&>(font.getTexture(size)).setSmooth(false);
}

}  // namespace attune::window
