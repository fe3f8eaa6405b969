// Wrapped, styled text laid out once (when its text or width changes) and drawn from cached
// glyph quads: the conversation holds hundreds of these and must not wrap them every frame.
#pragma once

#include <SFML/Graphics.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace attune::window {

struct Fonts {
  sf::Font regular;
  sf::Font bold;
};

// [begin, end) in code points.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct Paragraph {
  sf::String text;
  float size = 16;  // before the text scale
  sf::Color colour = sf::Color::Black;
  bool bold = false;
  std::vector<Span> highlights;  // drawn behind the words (coach evidence)
  float gap_after = 6;
};

Paragraph para(const std::string& text, float size, sf::Color colour, bool bold = false, float gap = 6);
// A rubric or outcome id in words: "avoiding_advice" -> "avoiding advice".
std::string id_words(std::string id);

sf::String from_utf8(std::string_view text);
std::string to_utf8(const sf::String& text);
sf::String from_utf32(const std::u32string& text);
// Code-point spans of the UTF-8 byte ranges [begin, end) of `utf8`.
Span code_point_span(std::string_view utf8, std::size_t begin, std::size_t end);

struct WrappedLine {
  std::size_t begin = 0;  // code points into the text
  std::size_t end = 0;
};

// Breaks at spaces (a long word is cut) and at '\n', so no line is wider than `width`.
std::vector<WrappedLine> wrap_text(const sf::String& text, const sf::Font& font, unsigned size, float width);

// Glyph quads gathered from many blocks, one vertex list per glyph page (font and size), so a
// frame draws all the conversation's text in a draw call or two rather than one per line: in
// software rendering each draw call costs setup and a pass over the screen's tiles.
class GlyphBatch {
 public:
  // Empties the lists and keeps their memory for the next frame.
  void clear();
  std::vector<sf::Vertex>& page(const sf::Font& font, unsigned size);
  // Adds `other`'s glyphs moved by `offset`, their alpha scaled by `alpha`.
  void append(const GlyphBatch& other, sf::Vector2f offset, sf::Uint8 alpha = 255);
  void draw(sf::RenderTarget& target, const sf::RenderStates& states = sf::RenderStates::Default) const;

 private:
  struct Page {
    const sf::Font* font = nullptr;
    unsigned size = 0;
    std::vector<sf::Vertex> vertices;
  };
  std::vector<Page> pages_;
};

// An sf::Text as glyph quads (see TextBlock), for labels recorded once and drawn every frame.
class TextQuads : public sf::Drawable {
 public:
  explicit TextQuads(const sf::Text& text);

 private:
  void draw(sf::RenderTarget& target, sf::RenderStates states) const override;
  GlyphBatch glyphs_;
};

class TextBlock {
 public:
  void set(std::vector<Paragraph> paragraphs) {
    paragraphs_ = std::move(paragraphs);
    laid_out_width_ = -1;
  }
  // Wraps to `width` at `scale`; a no-op when neither changed.
  void layout(const Fonts& fonts, float width, float scale, sf::Color highlight = sf::Color::Transparent);
  float height() const { return height_; }
  float widest_line() const { return widest_; }
  // Highlights and glyphs, with `at` rounded to whole pixels.
  void draw(sf::RenderTarget& target, sf::Vector2f at) const;
  // The highlights only: drawn behind the glyphs a batch draws later.
  void draw_marks(sf::RenderTarget& target, sf::Vector2f at,
                  const sf::RenderStates& states = sf::RenderStates::Default) const;
  void add_glyphs(GlyphBatch& batch, sf::Vector2f at) const;
  void set_alpha(sf::Uint8 alpha);
  bool empty() const { return paragraphs_.empty(); }

 private:
  // Lays out one line's glyphs at baseline `y`; returns the pen position before each character
  // and after the last, as sf::Text::findCharacterPos measures them.
  std::vector<float> add_line(const sf::String& text, std::size_t begin, std::size_t end,
                              const sf::Font& font, unsigned size, sf::Color colour, float y);

  std::vector<Paragraph> paragraphs_;
  GlyphBatch glyphs_;  // in block coordinates, in the paragraphs' colours: alpha_ applies when drawn
  sf::VertexArray marks_{sf::Quads};
  float laid_out_width_ = -1;
  float laid_out_scale_ = -1;
  float height_ = 0;
  float widest_ = 0;
  sf::Uint8 alpha_ = 255;
};

// SFML 2.5 samples glyph pages bilinearly, which software rendering (llvmpipe) pays for on every
// text pixel. Text drawn at whole pixels (as TextBlock and the window's labels are) maps texels
// to pixels one to one, so nearest sampling draws the very same pixels for about a third less.
void sharpen(const sf::Text& text);
void sharpen(const sf::Font& font, unsigned size);

unsigned scaled(float size, float scale);

}  // namespace attune::window
