// Supervisors' reviews of a session (`reviews/ID.jsonl`): overrides and sign-offs, one line each,
// appended and never rewritten. Each line carries the SHA-256 of the line before it and an HMAC
// under the programme key, so an edited, removed or reordered line is detected.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace attune::sim {

enum class ReviewKind { override_codes, sign_off };

struct ReviewEntry {
  std::string session;  // the session id (signed, so a line cannot be moved to another session)
  std::string by;
  std::string when;  // ISO 8601 UTC
  ReviewKind kind = ReviewKind::override_codes;
  std::optional<int> turn;  // overrides: the turn's 0-based index
  std::vector<std::string> old_codes;
  std::vector<std::string> new_codes;
  std::string reason;
};

std::string review_path(const std::string& records_root, const std::string& session_id);

// The line's JSON without `hmac`; `prev_sha256` is the SHA-256 of the previous line ("" for the first).
nlohmann::json review_line_body(const ReviewEntry& entry, const std::string& prev_sha256);

struct ReviewLog {
  bool exists = false;
  std::vector<ReviewEntry> entries;   // the trusted lines: everything before the first bad one
  std::vector<std::string> problems;  // "line N: why", for every line that fails
  std::string last_line_sha256;       // of the last line in the file (of "" when empty)
};

// Reads and checks a review file: JSON, HMAC, the chain and the session id of every line.
ReviewLog read_review_log(const std::string& path, const std::string& session_id, const std::string& key);
// The same checks on a review log's text (its lines, each ending in a newline), from any store;
// nullopt is a session without reviews.
ReviewLog parse_review_log(const std::optional<std::string>& text, const std::string& session_id,
                           const std::string& key);

// The signed line (without its newline) that appends `entry` to `log`, chained onto its last line.
std::string review_line(const ReviewEntry& entry, const ReviewLog& log, const std::string& key);

// Appends `entry` (holding an exclusive lock while it reads the chain's end, so two supervisors
// reviewing at once still chain correctly), fsync'd, 0600. Refuses to extend a broken chain.
std::optional<std::string> append_review(const std::string& records_root, const ReviewEntry& entry,
                                         const std::string& key);

// The codes each turn ends up with after the overrides, in order (the last override of a turn wins).
std::vector<std::vector<std::string>> corrected_codes(const std::vector<std::vector<std::string>>& automatic,
                                                      const std::vector<ReviewEntry>& entries);

}  // namespace attune::sim
