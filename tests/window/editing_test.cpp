// The reply box's editing rules and the text layout the bubbles rely on; only WindowText needs a
// display.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "font.h"
#include "frame_stats.h"
#include "rounded_rect.h"
#include "text_block.h"
#include "text_box.h"

namespace attune::window {
namespace {

TextBoxModel typed(const std::u32string& text) {
  TextBoxModel box;
  for (char32_t c : text) box.insert(c);
  return box;
}

TEST(TextBoxModel, EditsAtTheCaret) {
  TextBoxModel box = typed(U"It sounds hard");
  box.home();
  box.right();
  box.right();
  box.insert(U'!');
  EXPECT_EQ(box.text(), U"It! sounds hard");
  box.backspace();
  box.delete_forward();
  EXPECT_EQ(box.text(), U"Itsounds hard");
  box.end();
  box.backspace();
  EXPECT_EQ(box.text(), U"Itsounds har");
  box.left();
  EXPECT_EQ(box.caret(), box.text().size() - 1);
}

TEST(TextBoxModel, CtrlBackspaceDeletesTheWordBeforeTheCaret) {
  TextBoxModel box = typed(U"You feel  exhausted  ");
  box.delete_word_back();
  EXPECT_EQ(box.text(), U"You feel  ");
  box.delete_word_back();
  EXPECT_EQ(box.text(), U"You ");
  box.delete_word_back();
  box.delete_word_back();
  EXPECT_TRUE(box.empty());
}

TEST(TextBoxModel, StaysInsideTheText) {
  TextBoxModel box;
  box.backspace();
  box.left();
  box.delete_forward();
  box.right();
  EXPECT_EQ(box.caret(), 0u);
}

TEST(TextLayout, CodePointSpansOfUtf8Bytes) {
  // "é" is two bytes and "—" three: the span of "ok" moves by code points, not bytes.
  std::string text = "é — ok";
  Span span = code_point_span(text, text.find("ok"), text.size());
  EXPECT_EQ(span.begin, 4u);
  EXPECT_EQ(span.end, 6u);
}

TEST(TextLayout, WrapsAccentsQuotesAndDashesWithinTheWidth) {
  auto files = find_fonts(ATTUNE_SOURCE_DIR);
  ASSERT_TRUE(files) << font_search_help(ATTUNE_SOURCE_DIR);
  sf::Font font;
  ASSERT_TRUE(font.loadFromFile(files->regular));
  sf::String text = from_utf8(
      "“I’m not sure” — she said, café after café, a supercalifragilisticexpialidociouslylongword end");
  for (float width : {80.f, 160.f, 400.f}) {
    auto lines = wrap_text(text, font, 16, width);
    ASSERT_FALSE(lines.empty());
    std::size_t covered = 0;
    for (const auto& line : lines) {
      sf::Text measured(text.substring(line.begin, line.end - line.begin), font, 16);
      EXPECT_LE(measured.getLocalBounds().width, width + 1) << "width " << width;
      EXPECT_GE(line.begin, covered);
      covered = line.end;
    }
    EXPECT_EQ(lines.back().end, text.getSize());
  }
  EXPECT_EQ(to_utf8(text.substring(0, 1)), "“");
}

const sf::Color kPaper(250, 248, 245);

template <typename Draw>
sf::Image render(Draw&& draw) {
  sf::RenderTexture target;
  EXPECT_TRUE(target.create(640, 160));
  target.clear(kPaper);
  draw(target);
  target.display();
  return target.getTexture().copyToImage();
}

// Pixels that differ between two renderings, and pixels inked in the first.
std::pair<std::size_t, std::size_t> compare(const sf::Image& a, const sf::Image& b) {
  std::size_t differ = 0;
  std::size_t inked = 0;
  for (unsigned y = 0; y < a.getSize().y; ++y) {
    for (unsigned x = 0; x < a.getSize().x; ++x) {
      differ += a.getPixel(x, y) != b.getPixel(x, y);
      inked += a.getPixel(x, y) != kPaper;
    }
  }
  return {differ, inked};
}

Fonts load_fonts() {
  Fonts fonts;
  auto files = find_fonts(ATTUNE_SOURCE_DIR);
  EXPECT_TRUE(files) << font_search_help(ATTUNE_SOURCE_DIR);
  if (files) {
    EXPECT_TRUE(fonts.regular.loadFromFile(files->regular));
    EXPECT_TRUE(fonts.bold.loadFromFile(files->bold));
  }
  return fonts;
}

// The caret is placed by sf::Text's measurements while the text itself is drawn as glyph quads
// (TextBlock, and TextQuads for labels): both must put every glyph on the same pixels and measure
// the same width, in either font and at any size.
TEST(WindowText, GlyphQuadsDrawWhatSfTextDraws) {
  Fonts fonts = load_fonts();
  const std::string words =
      "\u201cI\u2019m not sure\u201d \u2014 she said, caf\u00e9 after caf\u00e9; AVA Wo Ty.";
  for (bool bold : {false, true}) {
    for (float size : {13.f, 17.f, 22.f}) {
      SCOPED_TRACE((bold ? "bold " : "regular ") + std::to_string(size));
      TextBlock block;
      block.set({para(words, size, sf::Color(40, 40, 40), bold)});
      block.layout(fonts, 2000, 1);
      sf::Text reference(from_utf8(words), bold ? fonts.bold : fonts.regular, scaled(size, 1));
      reference.setFillColor(sf::Color(40, 40, 40));
      reference.setPosition(10, 10);
      sharpen(reference);
      EXPECT_EQ(block.widest_line(), reference.getLocalBounds().left + reference.getLocalBounds().width);
      sf::Image text = render([&](sf::RenderTarget& t) { t.draw(reference); });
      auto [differ, inked] = compare(text, render([&](sf::RenderTarget& t) { block.draw(t, {10, 10}); }));
      EXPECT_EQ(differ, 0u);
      EXPECT_GT(inked, 300u);  // the comparison is over drawn text, not two empty images
      EXPECT_EQ(compare(text, render([&](sf::RenderTarget& t) { t.draw(TextQuads(reference)); })).first, 0u);
    }
  }
}

// The conversation gathers its bubbles' glyphs into one batch a frame: the batch, drawn after the
// highlights, must show what each block draws on its own (wrapped lines, both fonts, a highlight).
TEST(WindowText, ABatchDrawsWhatItsBlocksDraw) {
  Fonts fonts = load_fonts();
  Paragraph said = para("You said it feels like carrying everything on your own, day after day.", 16,
                        sf::Color(40, 40, 40));
  said.highlights.push_back({9, 14});
  TextBlock block;
  block.set({para("Coach", 13, sf::Color(150, 110, 40), true), said});
  block.layout(fonts, 260, 1, sf::Color(240, 220, 160));
  TextBlock other;
  other.set({para("And the nights are the worst.", 16, sf::Color(40, 40, 40))});
  other.layout(fonts, 260, 1);
  sf::Image apart = render([&](sf::RenderTarget& t) {
    block.draw(t, {12, 8});
    other.draw(t, {330, 40});
  });
  sf::Image batched = render([&](sf::RenderTarget& t) {
    GlyphBatch batch;
    block.draw_marks(t, {12, 8});
    block.add_glyphs(batch, {12, 8});
    other.add_glyphs(batch, {330, 40});
    batch.draw(t);
  });
  auto [differ, inked] = compare(apart, batched);
  EXPECT_EQ(differ, 0u);
  EXPECT_GT(inked, 600u);
  EXPECT_GT(block.height(), 50.f);  // wrapped onto several lines
}

// Bubbles, cards and buttons are drawn as quads and small corner pieces for speed; they must
// cover the pixels sf::Shape covers for the same rounded outline, fill and border alike.
TEST(WindowShapes, RoundedRectsDrawWhatSfShapeDraws) {
  struct Case {
    sf::Vector2f size;
    float radius;
    float outline;
  };
  for (Case c :
       {Case{{300, 80}, 14, 1}, Case{{180, 44}, 10, 2}, Case{{120, 120}, 8, 0}, Case{{90, 30}, 40, 1}}) {
    SCOPED_TRACE(std::to_string(c.size.x) + "x" + std::to_string(c.size.y) + " r" + std::to_string(c.radius));
    const sf::Color fill(255, 255, 255);
    const sf::Color rule(200, 196, 190);
    RoundedRect fast = rounded_rect(c.size, c.radius, fill);
    fast.setOutlineThickness(c.outline);
    fast.setOutlineColor(rule);
    fast.setPosition(20, 20);
    // The same outline as a convex shape: six points on each corner's quarter circle.
    const float r = std::min({c.radius, c.size.x / 2, c.size.y / 2});
    const sf::Vector2f centres[4] = {
        {c.size.x - r, r}, {c.size.x - r, c.size.y - r}, {r, c.size.y - r}, {r, r}};
    sf::ConvexShape shape(24);
    for (std::size_t corner = 0; corner < 4; ++corner) {
      for (std::size_t step = 0; step < 6; ++step) {
        float angle = (static_cast<float>(corner) * 90.f - 90.f + 18.f * static_cast<float>(step)) *
                      3.14159265f / 180.f;
        shape.setPoint(corner * 6 + step,
                       centres[corner] + sf::Vector2f(r * std::cos(angle), r * std::sin(angle)));
      }
    }
    shape.setFillColor(fill);
    shape.setOutlineThickness(c.outline);
    shape.setOutlineColor(rule);
    shape.setPosition(20, 20);
    sf::Image expected = render([&](sf::RenderTarget& t) { t.draw(shape); });
    auto [differ, inked] = compare(expected, render([&](sf::RenderTarget& t) { t.draw(fast); }));
    EXPECT_EQ(differ, 0u);
    EXPECT_GT(inked, static_cast<std::size_t>(c.size.x * c.size.y * 0.8f));
  }
}

TEST(FrameStats, NearestRankPercentiles) {
  std::vector<double> samples;
  for (int i = 1; i <= 100; ++i) samples.push_back(i);
  EXPECT_EQ(FrameStats::percentile(samples, 50), 50);
  EXPECT_EQ(FrameStats::percentile(samples, 99), 99);
  EXPECT_EQ(FrameStats::percentile({}, 99), 0);
}

}  // namespace
}  // namespace attune::window
