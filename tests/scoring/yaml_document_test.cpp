// The hardened YAML reader: 1-based marks, and a diagnostic (never a hang, a crash or a
// silent surprise) for duplicate keys, cyclic aliases, alias bombs, deep nesting, oversized
// files, bytes that are not UTF-8, several documents and empty files.
#include "attune/scoring/yaml_document.h"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace attune::yaml {
namespace {

constexpr const char* kFile = "doc.yaml";

std::string listing(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += format_diagnostic(d) + "\n";
  return out.empty() ? "(no diagnostics)\n" : out;
}

std::string where(SourceMark mark) {
  return std::to_string(mark.line) + ":" + std::to_string(mark.col);
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The diagnostic with `rule`, or nullptr.
const Diagnostic* find_rule(const Diagnostics& diagnostics, std::string_view rule) {
  for (const auto& d : diagnostics) {
    if (d.rule == rule) return &d;
  }
  return nullptr;
}

// Reads `text` expecting reading to stop with exactly one error `rule` at `at` ("LINE:COL", or "" for any).
void expect_stop(std::string_view text, std::string_view rule, std::string_view at,
                 const Limits& limits = {}) {
  auto result = read_document(text, kFile, limits);
  EXPECT_TRUE(result.document == nullptr) << "reading should stop";
  ASSERT_EQ(result.diagnostics.size(), 1u) << listing(result.diagnostics);
  const Diagnostic& d = result.diagnostics.front();
  EXPECT_EQ(d.rule, rule) << format_diagnostic(d);
  EXPECT_EQ(d.severity, Severity::error) << format_diagnostic(d);
  EXPECT_EQ(d.file, kFile) << format_diagnostic(d);
  if (!at.empty()) {
    EXPECT_EQ(where(d.at), at) << format_diagnostic(d);
  }
}

// A document that must read cleanly.
std::unique_ptr<Document> must_read(std::string_view text) {
  auto result = read_document(text, kFile);
  EXPECT_TRUE(result.diagnostics.empty()) << listing(result.diagnostics);
  EXPECT_NE(result.document, nullptr);
  return std::move(result.document);
}

TEST(YamlDocument, MarksAreOneBasedLinesAndColumns) {
  auto doc = must_read("title: Hello\nclient:\n  name: Dana\n  tags: [a, b]\n");
  ASSERT_TRUE(doc);
  const Node& root = *doc->root;
  ASSERT_TRUE(root.is_map());
  EXPECT_EQ(where(root.mark), "1:1");
  ASSERT_EQ(root.entries.size(), 2u);
  EXPECT_EQ(where(root.entries[0].first->mark), "1:1");
  EXPECT_EQ(where(root.entries[0].second->mark), "1:8");
  EXPECT_EQ(where(root.entries[1].first->mark), "2:1");

  const Node* client = root.find("client");
  ASSERT_NE(client, nullptr);
  ASSERT_TRUE(client->is_map());
  EXPECT_EQ(where(client->entries[0].first->mark), "3:3");
  const Node* name = client->find("name");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->value, "Dana");
  EXPECT_EQ(where(name->mark), "3:9");
  const Node* tags = client->find("tags");
  ASSERT_NE(tags, nullptr);
  ASSERT_TRUE(tags->is_sequence());
  EXPECT_EQ(where(tags->mark), "4:9");
  ASSERT_EQ(tags->items.size(), 2u);
  EXPECT_EQ(where(tags->items[0]->mark), "4:10");
  EXPECT_EQ(where(tags->items[1]->mark), "4:13");
}

TEST(YamlDocument, MarksCountCharactersNotBytes) {
  auto doc = must_read("name: Zoë\nnote: ok\nmood: \"héllo\" # é\n");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->root->find("name")->value, "Zoë");
  EXPECT_EQ(where(doc->root->find("mood")->mark), "3:7");
}

TEST(YamlDocument, FindReturnsTheValueOfAScalarKeyOrNull) {
  auto doc = must_read("a: 1\nb: [x]\n");
  ASSERT_TRUE(doc);
  ASSERT_NE(doc->root->find("a"), nullptr);
  EXPECT_EQ(doc->root->find("a")->value, "1");
  EXPECT_EQ(doc->root->find("c"), nullptr);
  EXPECT_EQ(doc->root->find("b")->kind_name(), "a list");
  EXPECT_EQ(doc->root->kind_name(), "a mapping");
}

TEST(YamlDocument, QuotedScalarsAreMarkedQuotedAndPlainOnesAreNot) {
  auto doc = must_read("a: \"1\"\nb: '1'\nc: 1\nd: true\ne: \"\"\nf: |\n  block\ng: end\n");
  ASSERT_TRUE(doc);
  const Node& root = *doc->root;
  for (std::string key : {"a", "b", "e"}) {
    SCOPED_TRACE(key);
    ASSERT_NE(root.find(key), nullptr);
    EXPECT_TRUE(root.find(key)->is_scalar());
    EXPECT_TRUE(root.find(key)->quoted);
  }
  EXPECT_EQ(root.find("a")->value, "1");
  EXPECT_EQ(root.find("b")->value, "1");
  EXPECT_EQ(root.find("e")->value, "");
  for (std::string key : {"c", "d"}) {
    SCOPED_TRACE(key);
    ASSERT_NE(root.find(key), nullptr);
    EXPECT_TRUE(root.find(key)->is_scalar());
    EXPECT_FALSE(root.find(key)->quoted);
  }
  EXPECT_EQ(root.find("c")->value, "1");
  EXPECT_EQ(root.find("f")->value, "block\n");
}

TEST(YamlDocument, EmptyValuesAndTildeAreNull) {
  auto doc = must_read("a:\nb: ~\nc: null\n");
  ASSERT_TRUE(doc);
  for (std::string key : {"a", "b", "c"}) {
    SCOPED_TRACE(key);
    ASSERT_NE(doc->root->find(key), nullptr);
    EXPECT_TRUE(doc->root->find(key)->is_null());
    EXPECT_EQ(doc->root->find(key)->kind_name(), "empty");
  }
}

TEST(YamlDocument, DuplicateKeyIsReportedAtTheSecondKeyWithTheFirstKeysLine) {
  auto result = read_document("a: 1\nb: 2\n\na: 3\n", kFile);
  ASSERT_EQ(result.diagnostics.size(), 1u) << listing(result.diagnostics);
  const Diagnostic& d = result.diagnostics.front();
  EXPECT_EQ(d.rule, "duplicate-key");
  EXPECT_EQ(d.severity, Severity::error);
  EXPECT_EQ(d.file, kFile) << "the file must be named, as in every diagnostic: " << format_diagnostic(d);
  EXPECT_EQ(where(d.at), "4:1");
  EXPECT_PRED2(contains, d.message, "'a'");
  EXPECT_PRED2(contains, d.message, "first at line 1");
  // Reported beside a document, so later checks can still run.
  EXPECT_NE(result.document, nullptr);
}

TEST(YamlDocument, DuplicateKeyInAFlowMappingPointsAtTheSecondKey) {
  auto result = read_document("x: 0\nm: {a: 1, a: 2}\n", kFile);
  ASSERT_EQ(result.diagnostics.size(), 1u) << listing(result.diagnostics);
  EXPECT_EQ(result.diagnostics[0].rule, "duplicate-key");
  EXPECT_EQ(where(result.diagnostics[0].at), "2:11");
  EXPECT_PRED2(contains, result.diagnostics[0].message, "first at line 2");
}

TEST(YamlDocument, SameKeyInDifferentMappingsIsNotADuplicate) {
  auto doc = must_read("x: {a: 1}\ny:\n  a: 2\n");
  EXPECT_TRUE(doc);
}

TEST(YamlDocument, CyclicAliasIsReportedWithoutHanging) {
  expect_stop("a: &x [*x]\n", "alias-cycle", "1:8");
}

TEST(YamlDocument, CyclicAliasDeeperInsideTheCollectionIsReported) {
  expect_stop("a: &x {b: [1, {c: *x}]}\n", "alias-cycle", "1:19");
}

TEST(YamlDocument, AliasToAFinishedCollectionIsExpanded) {
  auto doc = must_read("a: &x [1, 2]\nb: *x\n");
  ASSERT_TRUE(doc);
  const Node* b = doc->root->find("b");
  ASSERT_NE(b, nullptr);
  ASSERT_TRUE(b->is_sequence());
  ASSERT_EQ(b->items.size(), 2u);
  EXPECT_EQ(b->items[1]->value, "2");
}

TEST(YamlDocument, AliasToAnUnknownAnchorIsASyntaxError) {
  expect_stop("a: *nowhere\n", "yaml-syntax", "1:4");
}

std::string billion_laughs() {
  std::string text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int level = 1; level <= 9; ++level) {
    std::string previous = "*a" + std::to_string(level - 1);
    text += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
    for (int i = 0; i < 10; ++i) text += (i == 0 ? "" : ", ") + previous;
    text += "]\n";
  }
  return text;
}

TEST(YamlDocument, AliasBombStopsAtTheExpansionLimitQuickly) {
  auto started = std::chrono::steady_clock::now();
  // a5 expands to about a million values; the first *a5 in a6 (line 7) crosses two million.
  expect_stop(billion_laughs(), "alias-limit", "7:10");
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

TEST(YamlDocument, AliasBombRespectsASmallerLimit) {
  Limits limits;
  limits.max_expanded_nodes = 1000;
  // Lines 1-2 hold 124 values and a1 weighs 111, so the 8th *a1 of line 3 (column 45) crosses 1000.
  expect_stop(billion_laughs(), "alias-limit", "3:45", limits);
  auto result = read_document(billion_laughs(), kFile, limits);
  ASSERT_FALSE(result.diagnostics.empty());
  EXPECT_PRED2(contains, result.diagnostics[0].message, "1000");
}

TEST(YamlDocument, HundredThousandOpenBracketsAreTooDeepNotACrash) {
  auto started = std::chrono::steady_clock::now();
  auto result = read_document(std::string(100'000, '['), kFile);
  EXPECT_EQ(result.document, nullptr);
  ASSERT_EQ(result.diagnostics.size(), 1u) << listing(result.diagnostics);
  const Diagnostic& d = result.diagnostics.front();
  EXPECT_EQ(d.rule, "too-deep") << format_diagnostic(d);
  EXPECT_FALSE(contains(d.message, "bad file")) << format_diagnostic(d);
  // Reading stops within the first 65 brackets (yaml-cpp reports unclosed flow
  // collections as keys of implicit mappings, so the exact column is its choice).
  EXPECT_EQ(d.at.line, 1);
  EXPECT_GE(d.at.col, 1);
  EXPECT_LE(d.at.col, 65);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

TEST(YamlDocument, ClosedNestingOneLevelTooDeepPointsAtTheFirstBracketTooMany) {
  expect_stop(std::string(65, '[') + std::string(65, ']'), "too-deep", "1:65");
  auto doc = must_read(std::string(64, '[') + std::string(64, ']'));
  EXPECT_TRUE(doc);
}

TEST(YamlDocument, ThreeThousandNestedMappingsAreTooDeep) {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "{a: ";
  text += "1";
  text += std::string(3000, '}');
  // The 65th '{' is at column 4 * 64 + 1.
  expect_stop(text, "too-deep", "1:257");
  auto result = read_document(text, kFile);
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_FALSE(contains(result.diagnostics[0].message, "bad file"));
}

TEST(YamlDocument, DeepBlockIndentationIsTooDeep) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "- ";
  text += "x\n";
  expect_stop(text, "too-deep", "1:129");
}

TEST(YamlDocument, DepthLimitIsConfigurable) {
  Limits limits;
  limits.max_depth = 3;
  expect_stop("a:\n  b:\n    c: [1]\n", "too-deep", "3:8", limits);
}

TEST(YamlDocument, FileLargerThanTheLimitIsRefusedBeforeParsing) {
  Limits limits;
  limits.max_bytes = 16;
  std::string text = "a: 0123456789ab\n";  // 16 bytes: at the limit
  ASSERT_EQ(text.size(), 16u);
  auto fits = read_document(text, kFile, limits);
  EXPECT_TRUE(fits.diagnostics.empty()) << listing(fits.diagnostics);
  EXPECT_NE(fits.document, nullptr);

  text += "#";  // 17 bytes, and would parse fine
  expect_stop(text, "file-too-large", "1:1", limits);
  auto result = read_document(text, kFile, limits);
  ASSERT_FALSE(result.diagnostics.empty());
  EXPECT_PRED2(contains, result.diagnostics[0].message, "16");
}

TEST(YamlDocument, InvalidUtf8ByteIsReportedAtItsPosition) {
  expect_stop("a: 1\nb: x\xFFy\n", "invalid-utf8", "2:5");
}

TEST(YamlDocument, NulByteIsReportedAtItsPositionCountingBytesLikeYamlCppMarks) {
  using namespace std::string_literals;
  // 'é' is two bytes, so two columns: every column attune reports counts bytes, as spans do.
  auto text = "a: 1\nbé: x\0y\n"s;
  expect_stop(text, "invalid-utf8", "2:7");
  auto result = read_document(text, kFile);
  ASSERT_FALSE(result.diagnostics.empty());
  EXPECT_PRED2(contains, result.diagnostics[0].message, "NUL");
}

TEST(YamlDocument, MalformedUtf8SequencesAreRejected) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"a: \xC0\x80\n", "overlong NUL"},
      {"a: \xED\xA0\x80\n", "UTF-16 surrogate"},
      {"a: \xF4\x90\x80\x80\n", "beyond U+10FFFF"},
      {"a: \xE2\x82\n", "truncated sequence"},
      {"a: \x80\n", "lone continuation byte"},
  };
  for (const auto& [text, what] : cases) {
    SCOPED_TRACE(what);
    expect_stop(text, "invalid-utf8", "1:4");
  }
}

TEST(YamlDocument, ValidMultibyteTextReadsCleanly) {
  auto doc = must_read("a: \"héllo — 😀 日本\"\n");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->root->find("a")->value, "héllo — 😀 日本");
}

TEST(YamlDocument, SecondDocumentIsReportedAtItsFirstNode) {
  expect_stop("a: 1\n---\nb: 2\n", "multiple-documents", "3:1");
  expect_stop("a: 1\n---\n- x\n", "multiple-documents", "3:1");
}

TEST(YamlDocument, SingleDocumentWithMarkersIsFine) {
  auto doc = must_read("---\na: 1\n...\n");
  ASSERT_TRUE(doc);
  EXPECT_EQ(where(doc->root->mark), "2:1");
}

TEST(YamlDocument, EmptyTextIsReportedAtOneOne) {
  expect_stop("", "file-empty", "1:1");
}

TEST(YamlDocument, CommentOnlyTextIsEmptyAndPointsWhereReadingStopped) {
  expect_stop("# nothing yet\n  # still nothing\n", "file-empty", "3:1");
  expect_stop("   \n\n", "file-empty", "3:1");
  expect_stop("# no newline", "file-empty", "1:13");
}

TEST(YamlDocument, SyntaxErrorIsReportedWithYamlCppsPosition) {
  auto result = read_document("a: 1\nb: c: d\n", kFile);
  EXPECT_EQ(result.document, nullptr);
  ASSERT_EQ(result.diagnostics.size(), 1u) << listing(result.diagnostics);
  EXPECT_EQ(result.diagnostics[0].rule, "yaml-syntax");
  EXPECT_EQ(where(result.diagnostics[0].at), "2:5");
  EXPECT_PRED2(contains, result.diagnostics[0].message, "YAML syntax");
}

TEST(YamlDocument, UnterminatedQuotedScalarIsASyntaxError) {
  // yaml-cpp 0.7 accepts a double-quoted scalar left open at the end of the file when a
  // newline follows it, silently swallowing every later line into the string.
  auto result = read_document("title: \"Hello\nid: swallowed\n", kFile);
  EXPECT_TRUE(result.document == nullptr)
      << "read as: '" << (result.document ? result.document->root->find("title")->value : "") << "'";
  const Diagnostic* d = find_rule(result.diagnostics, "yaml-syntax");
  ASSERT_NE(d, nullptr) << listing(result.diagnostics);
  EXPECT_EQ(d->severity, Severity::error);
}

TEST(YamlDocument, UnterminatedQuotedScalarWithoutNewlineIsASyntaxError) {
  expect_stop("title: \"Hello", "yaml-syntax", "");
}

TEST(YamlDocument, AliasesOfLongTextStopAtTheByteLimit) {
  std::string text = "line: &l " + std::string(100000, 'x') + "\nuses: [";
  for (int i = 0; i < 400; ++i) text += "*l, ";
  text += "*l]\n";
  auto result = read_document(text, "long.yaml");
  EXPECT_EQ(result.document, nullptr);
  ASSERT_FALSE(result.diagnostics.empty());
  EXPECT_EQ(result.diagnostics[0].rule, "alias-limit");
}

}  // namespace
}  // namespace attune::yaml
