#include "attune/simulator/records_scan.h"

#include <algorithm>
#include <filesystem>
#include <thread>

#include "attune/simulator/file_io.h"
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
  json record = json::parse(*contents.text, nullptr, false);
  if (record.is_discarded() || !record.is_object()) {
    out.problem = "not a JSON object (damaged or not a session record)";
    return out;
  }
  if (record.value("format", "") != "attune-session/1") {
    out.problem = "not an attune-session/1 record";
    return out;
  }
  if (!record_signature_ok_in_place(record, key)) {
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

void scan_sessions(const std::vector<SessionFile>& files, const std::string& key,
                   const std::function<void(ScannedSession&&)>& on_session,
                   const std::function<void(const ScanProblem&)>& on_problem, const DeepCheck& deep_check) {
  unsigned workers = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
  std::vector<SessionCheck> checks;
  std::vector<std::string> findings;
  for (std::size_t begin = 0; begin < files.size(); begin += kBatch) {
    std::size_t end = std::min(files.size(), begin + kBatch);
    checks.assign(end - begin, SessionCheck{});
    findings.assign(end - begin, std::string());
    auto work = [&](unsigned worker) {
      for (std::size_t i = begin + worker; i < end; i += workers) {
        checks[i - begin] = check_session_file(files[i], key);
        if (deep_check && checks[i - begin].record)
          findings[i - begin] = deep_check(files[i], *checks[i - begin].record);
      }
    };
    std::vector<std::thread> threads;
    for (unsigned w = 1; w < workers; ++w) threads.emplace_back(work, w);
    work(0);
    for (auto& t : threads) t.join();
    for (std::size_t i = begin; i < end; ++i) {
      SessionCheck& check = checks[i - begin];
      if (check.record) {
        on_session(ScannedSession{files[i], std::move(*check.record), std::move(findings[i - begin])});
      } else {
        on_problem(ScanProblem{files[i].path, check.problem});
      }
    }
  }
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
