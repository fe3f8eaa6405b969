// Problems found in a user's file, as values: `FILE:LINE:COL: severity: message [rule]`.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace attune {

enum class Severity { error, warning };

struct SourceMark {
  int line = 1;  // 1-based
  int col = 1;   // 1-based
};

struct Diagnostic {
  std::string file;
  SourceMark at;
  Severity severity = Severity::error;
  std::string message;
  std::string rule;
};

using Diagnostics = std::vector<Diagnostic>;

std::string format_diagnostic(const Diagnostic& diagnostic);
void sort_by_position(Diagnostics& diagnostics);  // stable: same position keeps its order
bool has_errors(const Diagnostics& diagnostics);
std::size_t count(const Diagnostics& diagnostics, Severity severity);

// The candidate nearest to `name` within `max_distance` edits, for "did you mean".
std::optional<std::string> closest_name(std::string_view name, std::span<const std::string_view> candidates,
                                        int max_distance = 2);
std::optional<std::string> closest_name(std::string_view name, std::span<const std::string> candidates,
                                        int max_distance = 2);
// " (did you mean 'x'?)" or "".
std::string did_you_mean(const std::optional<std::string>& suggestion);

}  // namespace attune
