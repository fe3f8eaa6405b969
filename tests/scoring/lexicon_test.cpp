// The coder's word table: every word it was given is found again, whatever its length, and a
// word that differs from one of them in a single byte is not.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "coder_lexicon.h"

namespace attune::scoring::detail {
namespace {

TEST(Lexicon, FindsEveryLengthAndMissesOneByteOff) {
  const std::string base = "abcdefghijklmnopqrst";
  Lexicon lexicon;
  std::vector<std::string> words;
  for (std::size_t n = 1; n <= base.size(); ++n) words.push_back(base.substr(0, n));
  // Same length, one byte changed, for the lengths the table reads in overlapping pieces.
  for (std::size_t n = 1; n <= 12; ++n) {
    for (std::size_t k = 0; k < n; ++k) {
      std::string w = base.substr(0, n);
      w[k] = 'Z';
      words.push_back(w);
    }
  }
  std::vector<WordId> ids;
  for (const std::string& w : words) ids.push_back(lexicon.intern(w));
  for (std::size_t i = 0; i < words.size(); ++i) {
    EXPECT_EQ(lexicon.find(words[i]), ids[i]) << words[i];
    EXPECT_EQ(lexicon.word(ids[i]), words[i]);
    for (std::size_t j = 0; j < i; ++j) ASSERT_NE(ids[i], ids[j]) << words[i] << " / " << words[j];
  }
  for (std::size_t n = 1; n <= 12; ++n) {
    for (std::size_t k = 0; k < n; ++k) {
      std::string w = base.substr(0, n);
      w[k] = 'Y';
      EXPECT_EQ(lexicon.find(w), kNoWord) << w;
    }
  }
  // Bytes above 0x7F are bytes like any other.
  const WordId cafe = lexicon.intern("cafe");
  const WordId accented = lexicon.intern("caf\xc3\xa9");
  const WordId naive = lexicon.intern("na\xc3\xafvet\xc3\xa9s");
  EXPECT_NE(cafe, accented);
  EXPECT_EQ(lexicon.find("caf\xc3\xa9"), accented);
  EXPECT_EQ(lexicon.find("na\xc3\xafvet\xc3\xa9s"), naive);
  EXPECT_EQ(lexicon.find("caf\xc3\xa8"), kNoWord);
  EXPECT_EQ(lexicon.find(""), kNoWord);
  EXPECT_EQ(lexicon.find(base + "u"), kNoWord);
}

}  // namespace
}  // namespace attune::scoring::detail
