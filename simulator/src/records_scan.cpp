#include "attune/simulator/records_scan.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "attune/simulator/file_io.h"
#include "attune/simulator/plain_json.h"
#include "attune/simulator/records.h"

namespace attune::sim {
namespace fs = std::filesystem;
namespace {

using nlohmann::json;

constexpr std::size_t kMaxRecordBytes = std::size_t{32} << 20;  // a 1,000-turn record is ~1 MiB
constexpr std::size_t kBatch = 512;  // records checked ahead of the callbacks, bounding memory

}  // namespace

std::vector<SessionFile> list_session_files(const std::string& root,
                                            const std::optional<std::string>& trainee) {
  std::vector<SessionFile> out;
  std::error_code ec;
  fs::path sessions = fs::path(root) / "sessions";
  for (const auto& dir : fs::directory_iterator(sessions, ec)) {
    std::string name = dir.path().filename().string();
    if (!dir.is_directory(ec) || (trainee && name != *trainee)) continue;
    std::error_code inner;
    for (const auto& entry : fs::directory_iterator(dir.path(), inner)) {
      if (entry.path().extension() != ".json" || !entry.is_regular_file(inner)) continue;
      out.push_back({entry.path().string(), name, entry.path().stem().string()});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const SessionFile& a, const SessionFile& b) { return a.path < b.path; });
  return out;
}

SessionCheck check_session_file(const SessionFile& file, const std::string& key) {
  SessionCheck out;
  auto contents = read_file(file.path, kMaxRecordBytes);
  if (!contents.text) {
    out.problem = contents.too_large ? "larger than 32 MiB, not a session record" : contents.error;
    return out;
  }
  return check_session_text(*contents.text, file, key);
}

SessionCheck check_session_text(std::string_view text, const SessionFile& file, const std::string& key) {
  SessionCheck out;
  // The quick reader takes records as attune writes them; anything else gets nlohmann's full parse.
  auto plain = parse_plain_json(text);
  json record = plain ? std::move(*plain) : json::parse(text, nullptr, false);
  if (record.is_discarded() || !record.is_object()) {
    out.problem = "not a JSON object (damaged or not a session record)";
    return out;
  }
  if (record.value("format", "") != "attune-session/1") {
    out.problem = "not an attune-session/1 record";
    return out;
  }
  // Nearly every record is as attune wrote it, and the quick check then spares a serialisation.
  if (!record_signature_ok_as_written(text, record, key) && !record_signature_ok_in_place(record, key)) {
    out.problem =
        "altered after it was written (its HMAC does not match), or signed with another programme key";
    return out;
  }
  // A signed record copied under another name or trainee would be read as someone else's session.
  if (record.value("id", "") != file.id || record.value("trainee", "") != file.trainee) {
    out.problem = "its id or trainee does not match where it is filed (moved or copied by hand)";
    return out;
  }
  out.record = std::move(record);
  return out;
}

unsigned scan_workers() {
  if (const char* value = std::getenv("ATTUNE_THREADS"); value != nullptr && *value != '\0') {
    int n = std::atoi(value);
    if (n >= 1) return static_cast<unsigned>(std::min(n, 64));
  }
  return std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
}

void parallel_for(std::size_t count, unsigned workers, const std::function<void(std::size_t)>& work) {
  // Strided, not chunked: neighbouring records cost about the same, so the threads finish together.
  auto stride = [&](std::size_t first) {
    for (std::size_t i = first; i < count; i += workers) work(i);
  };
  std::vector<std::thread> threads;
  for (unsigned w = 1; w < workers && w < count; ++w) threads.emplace_back(stride, w);
  stride(0);
  for (auto& t : threads) t.join();
}

void scan_sessions_indexed(const std::vector<SessionFile>& files, const std::string& key,
                           const std::function<void(std::size_t, ScannedSession&)>& on_worker,
                           const std::function<void(std::size_t, ScannedSession&&)>& on_session,
                           const std::function<void(const ScanProblem&)>& on_problem) {
  unsigned workers = scan_workers();
  std::vector<SessionCheck> checks;
  std::vector<std::optional<ScannedSession>> scanned;
  for (std::size_t begin = 0; begin < files.size(); begin += kBatch) {
    std::size_t end = std::min(files.size(), begin + kBatch);
    checks.assign(end - begin, SessionCheck{});
    scanned.assign(end - begin, std::nullopt);
    parallel_for(end - begin, workers, [&](std::size_t k) {
      checks[k] = check_session_file(files[begin + k], key);
      if (!checks[k].record) return;
      scanned[k] = ScannedSession{files[begin + k], std::move(*checks[k].record), {}};
      if (on_worker) on_worker(begin + k, *scanned[k]);
    });
    for (std::size_t k = 0; k < end - begin; ++k) {
      if (scanned[k]) {
        on_session(begin + k, std::move(*scanned[k]));
        scanned[k].reset();  // the record's memory goes now, not with the batch
      } else {
        on_problem(ScanProblem{files[begin + k].path, checks[k].problem});
      }
    }
  }
}

void scan_sessions(const std::vector<SessionFile>& files, const std::string& key,
                   const std::function<void(ScannedSession&&)>& on_session,
                   const std::function<void(const ScanProblem&)>& on_problem) {
  scan_sessions_indexed(
      files, key, nullptr, [&](std::size_t, ScannedSession&& s) { on_session(std::move(s)); }, on_problem);
}

std::optional<SessionFile> find_session_file(const std::string& root, const std::string& argument) {
  std::error_code ec;
  if (argument.ends_with(".json") && fs::is_regular_file(argument, ec)) {
    fs::path path(argument);
    return SessionFile{path.string(), path.parent_path().filename().string(), path.stem().string()};
  }
  if (argument.find('/') != std::string::npos || argument.empty()) return std::nullopt;
  for (const auto& dir : fs::directory_iterator(fs::path(root) / "sessions", ec)) {
    fs::path candidate = dir.path() / (argument + ".json");
    std::error_code inner;
    if (fs::is_regular_file(candidate, inner))
      return SessionFile{candidate.string(), dir.path().filename().string(), argument};
  }
  return std::nullopt;
}

}  // namespace attune::sim
