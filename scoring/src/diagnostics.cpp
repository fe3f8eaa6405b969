#include "attune/scoring/diagnostics.h"

#include <algorithm>
#include <numeric>

namespace attune {
namespace {

// Names longer than this get no suggestion: a hostile file must not make "did you mean" slow.
constexpr std::size_t kMaxSuggestedLength = 64;

// Levenshtein distance, giving up (returning limit + 1) as soon as it must exceed `limit`.
int edit_distance(std::string_view a, std::string_view b, int limit) {
  auto length_gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (length_gap > static_cast<std::size_t>(limit)) return limit + 1;
  std::vector<int> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= b.size(); ++j) {
      int above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
    if (*std::min_element(row.begin(), row.end()) > limit) return limit + 1;
  }
  return row[b.size()];
}

template <typename Names>
std::optional<std::string> closest(std::string_view name, const Names& candidates, int max_distance) {
  std::optional<std::string> best;
  if (name.size() > kMaxSuggestedLength) return best;
  int best_distance = max_distance + 1;
  for (const auto& candidate : candidates) {
    int distance = edit_distance(name, candidate, best_distance - 1);
    if (distance < best_distance) {
      best_distance = distance;
      best = std::string(candidate);
      if (distance == 0) break;
    }
  }
  return best;
}

}  // namespace

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.file + ":" + std::to_string(d.at.line) + ":" + std::to_string(d.at.col) + ": ";
  out += d.severity == Severity::error ? "error: " : "warning: ";
  out += d.message;
  if (!d.rule.empty()) out += " [" + d.rule + "]";
  return out;
}

void sort_by_position(Diagnostics& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.at.line != b.at.line ? a.at.line < b.at.line : a.at.col < b.at.col;
  });
}

bool has_errors(const Diagnostics& diagnostics) {
  return count(diagnostics, Severity::error) > 0;
}

std::size_t count(const Diagnostics& diagnostics, Severity severity) {
  return static_cast<std::size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(),
                    [severity](const Diagnostic& d) { return d.severity == severity; }));
}

std::optional<std::string> closest_name(std::string_view name, std::span<const std::string_view> candidates,
                                        int max_distance) {
  return closest(name, candidates, max_distance);
}

std::optional<std::string> closest_name(std::string_view name, std::span<const std::string> candidates,
                                        int max_distance) {
  return closest(name, candidates, max_distance);
}

std::string did_you_mean(const std::optional<std::string>& suggestion) {
  return suggestion ? " (did you mean '" + *suggestion + "'?)" : std::string();
}

}  // namespace attune
