#include "attune/simulator/responses_file.h"

#include <gtest/gtest.h>

namespace attune::sim {
namespace {

TEST(ResponsesFile, SkipsCommentsAndBlankLinesAndKeepsLineNumbers) {
  auto lines = parse_responses("# a comment\n\n   # indented comment\nHello there.\n");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].line, 4);
  EXPECT_EQ(lines[0].input.kind, TurnKind::reply);
  EXPECT_EQ(lines[0].input.text, "Hello there.");
  EXPECT_FALSE(lines[0].input.latency_ms.has_value());
}

TEST(ResponsesFile, ReadsEveryForm) {
  auto lines = parse_responses(
      "[after 6s] What would you like?\n[silence 8s]\n[silence]\n[choice 2]\n[after 1.5s] [choice 1]\n[after "
      "800ms] Hm.\n");
  ASSERT_EQ(lines.size(), 6u);
  for (const auto& l : lines) EXPECT_EQ(l.error, "") << "line " << l.line;
  EXPECT_EQ(lines[0].input.latency_ms, 6000);
  EXPECT_EQ(lines[0].input.text, "What would you like?");
  EXPECT_EQ(lines[1].input.kind, TurnKind::silence);
  EXPECT_EQ(lines[1].input.silence_ms, 8000);
  EXPECT_EQ(lines[2].input.kind, TurnKind::silence);
  EXPECT_FALSE(lines[2].input.silence_ms.has_value());
  EXPECT_EQ(lines[3].input.kind, TurnKind::choice);
  EXPECT_EQ(lines[3].input.choice, 2);
  EXPECT_EQ(lines[4].input.choice, 1);
  EXPECT_EQ(lines[4].input.latency_ms, 1500);
  EXPECT_EQ(lines[5].input.latency_ms, 800);
}

TEST(ResponsesFile, TrailingCommentNeedsWhitespaceAndBackslashEscapesIt) {
  auto lines =
      parse_responses("You're \\#1 at this   # not part of the reply\nCall me #maybe\nIssue#5 stays\n");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].input.text, "You're #1 at this");
  EXPECT_EQ(lines[1].input.text, "Call me");
  EXPECT_EQ(lines[2].input.text, "Issue#5 stays");
}

TEST(ResponsesFile, UnknownBracketFormIsAnErrorOnItsLine) {
  auto lines = parse_responses("Hi.\n[laughs] okay\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].error, "");
  EXPECT_EQ(lines[1].line, 2);
  EXPECT_NE(lines[1].error.find("unknown form"), std::string::npos) << lines[1].error;
}

TEST(ResponsesFile, BadDurationsAndChoiceNumbersAreErrors) {
  auto lines =
      parse_responses("[after soon] Hi\n[silence -1s]\n[choice two]\n[choice 1] extra\n[after 2s]\n");
  ASSERT_EQ(lines.size(), 5u);
  for (const auto& l : lines) EXPECT_NE(l.error, "") << "line " << l.line << " should be an error";
}

TEST(ResponsesFile, CrlfLineEndingsAndBomAreTolerated) {
  auto lines = parse_responses("\xEF\xBB\xBFHello.\r\n[silence 2s]\r\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].input.text, "Hello.");
  EXPECT_EQ(lines[1].input.silence_ms, 2000);
}

TEST(ResponsesFile, InvalidUtf8LineIsAnErrorOnItsLine) {
  auto lines = parse_responses("Fine.\nBroken \xff\xfe text\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].error, "");
  EXPECT_EQ(lines[1].line, 2);
  EXPECT_NE(lines[1].error.find("UTF-8"), std::string::npos) << lines[1].error;
}

}  // namespace
}  // namespace attune::sim
