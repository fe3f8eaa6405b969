// The reply box's editing rules and the text layout the bubbles rely on; only WindowText needs a
// display.
#include <gtest/gtest.h>

#include "font.h"
#include "frame_stats.h"
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

// The caret is placed by sf::Text's measurements while the text itself is drawn as TextBlock's
// glyph quads: both must put every glyph on the same pixels.
TEST(WindowText, GlyphQuadsDrawWhatSfTextDraws) {
  auto files = find_fonts(ATTUNE_SOURCE_DIR);
  ASSERT_TRUE(files) << font_search_help(ATTUNE_SOURCE_DIR);
  Fonts fonts;
  ASSERT_TRUE(fonts.regular.loadFromFile(files->regular));
  ASSERT_TRUE(fonts.bold.loadFromFile(files->bold));
  const std::string words = "“I’m not sure” — she said, café after café; AVA Wo Ty.";
  TextBlock block;
  block.set({para(words, 17, sf::Color(40, 40, 40))});
  block.layout(fonts, 2000, 1);
  sf::Text reference(from_utf8(words), fonts.regular, 17);
  reference.setFillColor(sf::Color(40, 40, 40));
  reference.setPosition(10, 10);
  sharpen(reference);
  EXPECT_EQ(block.widest_line(), reference.getLocalBounds().left + reference.getLocalBounds().width);

  auto render = [](auto&& draw) {
    sf::RenderTexture target;
    EXPECT_TRUE(target.create(640, 48));
    target.clear(sf::Color(250, 248, 245));
    draw(target);
    target.display();
    return target.getTexture().copyToImage();
  };
  sf::Image quads = render([&](sf::RenderTarget& t) { block.draw(t, {10, 10}); });
  sf::Image text = render([&](sf::RenderTarget& t) { t.draw(reference); });
  sf::Image label = render([&](sf::RenderTarget& t) { t.draw(TextQuads(reference)); });
  std::size_t inked = 0;
  for (unsigned y = 0; y < 48; ++y) {
    for (unsigned x = 0; x < 640; ++x) {
      ASSERT_EQ(quads.getPixel(x, y).toInteger(), text.getPixel(x, y).toInteger()) << x << "," << y;
      ASSERT_EQ(label.getPixel(x, y).toInteger(), text.getPixel(x, y).toInteger()) << x << "," << y;
      inked += text.getPixel(x, y) != sf::Color(250, 248, 245);
    }
  }
  EXPECT_GT(inked, 300u);  // the comparison is over drawn text, not two empty images
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
