#include "attune/simulator/review_log.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <sstream>

#include "attune/simulator/file_io.h"
#include "attune/simulator/sha256.h"

namespace attune::sim {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxReviewBytes = std::size_t{16} << 20;

std::string_view kind_name(ReviewKind kind) {
  return kind == ReviewKind::sign_off ? "sign_off" : "override";
}

std::vector<std::string> string_list(const json& value) {
  std::vector<std::string> out;
  if (!value.is_array()) return out;
  for (const auto& item : value) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

// The entry a checked line holds, or why it cannot be one.
std::optional<ReviewEntry> entry_from(const json& line, std::string& problem) {
  std::string kind = line.value("kind", "");
  if (kind != "override" && kind != "sign_off") {
    problem = "unknown kind '" + kind + "'";
    return std::nullopt;
  }
  ReviewEntry e;
  e.kind = kind == "sign_off" ? ReviewKind::sign_off : ReviewKind::override_codes;
  e.session = line.value("session", "");
  e.by = line.value("by", "");
  e.when = line.value("when", "");
  if (line.contains("turn") && line["turn"].is_number_integer()) e.turn = line["turn"].get<int>();
  e.old_codes = string_list(line.value("old_codes", json::array()));
  e.new_codes = string_list(line.value("new_codes", json::array()));
  e.reason = line.value("reason", "");
  if (e.kind == ReviewKind::override_codes && !e.turn) {
    problem = "an override without a turn";
    return std::nullopt;
  }
  return e;
}

}  // namespace

std::string review_path(const std::string& records_root, const std::string& session_id) {
  return records_root + "/reviews/" + session_id + ".jsonl";
}

json review_line_body(const ReviewEntry& e, const std::string& prev_sha256) {
  return json{{"session", e.session},
              {"by", e.by},
              {"when", e.when},
              {"kind", kind_name(e.kind)},
              {"turn", e.turn ? json(*e.turn) : json(nullptr)},
              {"old_codes", e.old_codes},
              {"new_codes", e.new_codes},
              {"reason", e.reason},
              {"prev_sha256", prev_sha256}};
}

ReviewLog read_review_log(const std::string& path, const std::string& session_id, const std::string& key) {
  auto file = read_file(path, kMaxReviewBytes);
  if (!file.text) {
    ReviewLog log;
    log.last_line_sha256 = sha256_hex("");
    if (!file.missing) {
      log.exists = true;
      log.problems.push_back(file.too_large ? "larger than 16 MiB" : file.error);
    }
    return log;
  }
  return parse_review_log(file.text, session_id, key);
}

std::string review_line(const ReviewEntry& entry, const ReviewLog& log, const std::string& key) {
  json line = review_line_body(entry, log.last_line_sha256);
  line["hmac"] = hmac_sha256_hex(key, line.dump());
  return line.dump();
}

ReviewLog parse_review_log(const std::optional<std::string>& text, const std::string& session_id,
                           const std::string& key) {
  ReviewLog log;
  log.last_line_sha256 = sha256_hex("");
  if (!text) return log;
  log.exists = true;
  std::istringstream in(*text);
  std::string line;
  std::string expected_prev = log.last_line_sha256;
  bool trusted = true;
  for (int number = 1; std::getline(in, line); ++number) {
    std::string where = "line " + std::to_string(number) + ": ";
    std::string problem;
    json parsed = json::parse(line, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object() || !parsed.contains("hmac") ||
        !parsed["hmac"].is_string()) {
      problem = "not a signed review line";
    } else {
      std::string mac = parsed["hmac"].get<std::string>();
      parsed.erase("hmac");
      if (mac != hmac_sha256_hex(key, parsed.dump())) {
        problem =
            "altered after it was written (its HMAC does not match), or signed with another programme key";
      } else if (parsed.value("prev_sha256", "") != expected_prev) {
        problem = "the chain is broken (a line before it was removed, reordered or changed)";
      } else if (parsed.value("session", "") != session_id) {
        problem = "it reviews another session (" + parsed.value("session", "") + ")";
      }
    }
    std::optional<ReviewEntry> entry;
    if (problem.empty()) entry = entry_from(parsed, problem);
    if (!problem.empty()) {
      log.problems.push_back(where + problem);
      trusted = false;
    } else if (trusted) {
      log.entries.push_back(std::move(*entry));
    }
    expected_prev = sha256_hex(line);
  }
  if (!text->empty() && text->back() != '\n')
    log.problems.push_back("the last line is unfinished (a torn write)");
  log.last_line_sha256 = expected_prev;
  return log;
}

std::optional<std::string> append_review(const std::string& records_root, const ReviewEntry& entry,
                                         const std::string& key) {
  std::string dir = records_root + "/reviews";
  if (auto error = make_private_dir(dir, true)) return error;
  std::string path = review_path(records_root, entry.session);
  int fd = ::open(path.c_str(), O_RDONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return "cannot open " + path + ": " + std::strerror(errno);
  // The lock covers read-chain-then-append: a second reviewer waits and chains onto our line.
  if (::flock(fd, LOCK_EX) != 0) {
    std::string error = "cannot lock " + path + ": " + std::strerror(errno);
    ::close(fd);
    return error;
  }
  ReviewLog log = read_review_log(path, entry.session, key);
  std::optional<std::string> error;
  if (!log.problems.empty()) {
    error = path + " fails verification (" + log.problems.front() + "); it is kept as it is for inspection";
  } else {
    error = append_line_durably(path, review_line(entry, log, key));
    if (!error && log.entries.empty()) error = sync_directory(dir);  // a new file must survive too
  }
  ::close(fd);  // releases the lock
  return error;
}

std::vector<std::vector<std::string>> corrected_codes(const std::vector<std::vector<std::string>>& automatic,
                                                      const std::vector<ReviewEntry>& entries) {
  auto out = automatic;
  for (const auto& e : entries) {
    if (e.kind != ReviewKind::override_codes || !e.turn) continue;
    if (*e.turn >= 0 && static_cast<std::size_t>(*e.turn) < out.size())
      out[static_cast<std::size_t>(*e.turn)] = e.new_codes;
  }
  return out;
}

}  // namespace attune::sim
