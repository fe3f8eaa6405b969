#include "attune/simulator/records_store.h"

#include <algorithm>
#include <filesystem>

#include "attune/simulator/file_io.h"
#include "attune/simulator/records.h"

namespace attune::sim {
namespace fs = std::filesystem;
namespace {

using nlohmann::json;

constexpr std::size_t kMaxRecordBytes = std::size_t{32} << 20;
constexpr std::size_t kMaxReviewBytes = std::size_t{16} << 20;

bool is_sha256_hex(const std::string& text) {
  return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// PRODUCT.md's records directory; each call does what the commands did before the interface.
class DirectoryRecords final : public RecordsBackend {
 public:
  explicit DirectoryRecords(std::string root) : store_(std::move(root)) {}

  std::string location() const override { return store_.root(); }
  std::optional<std::string> prepare() override { return store_.prepare(); }

  PutResult put_session(const json& record, const std::string& record_text,
                        const std::string& scenario_yaml) override {
    PutResult out;
    std::string trainee = record.value("trainee", "");
    std::string id = record.value("id", "");
    std::string sha = record.contains("scenario") && record["scenario"].is_object()
                          ? record["scenario"].value("sha256", "")
                          : "";
    if (!is_valid_trainee_id(trainee) || id.empty() || id.find('/') != std::string::npos ||
        !is_sha256_hex(sha)) {
      out.error =
          "not a session record attune can file (its id, trainee or scenario.sha256 is missing or bad)";
      return out;
    }
    if (auto error = store_.prepare()) {
      out.error = *error;
      return out;
    }
    std::string scenario_path = store_.root() + "/scenarios/" + sha + ".yaml";
    std::error_code ec;
    if (!fs::exists(scenario_path, ec)) {
      if (auto error = write_file_atomically(scenario_path, scenario_yaml)) {
        out.error = *error;
        return out;
      }
    }
    std::string path = store_.session_path(trainee, id);
    auto existing = read_file(path, kMaxRecordBytes);
    if (existing.text) {
      out.status = *existing.text == record_text ? PutStatus::unchanged : PutStatus::conflict;
      return out;
    }
    if (auto error = make_private_dir(store_.root() + "/sessions/" + trainee, true)) {
      out.error = *error;
      return out;
    }
    if (auto error = write_file_atomically(path, record_text)) out.error = *error;
    return out;
  }

  std::vector<SessionFile> list_sessions(const std::optional<std::string>& trainee) override {
    return list_session_files(store_.root(), trainee);
  }
  std::optional<SessionFile> find_session(const std::string& argument) override {
    return find_session_file(store_.root(), argument);
  }
  void scan(const std::vector<SessionFile>& sessions, const std::string& key,
            const std::function<void(std::size_t, ScannedSession&)>& on_worker,
            const std::function<void(std::size_t, ScannedSession&&)>& on_session,
            const std::function<void(const ScanProblem&)>& on_problem) override {
    scan_sessions_indexed(sessions, key, on_worker, on_session, on_problem);
  }
  SessionCheck read_session(const SessionFile& session, const std::string& key) override {
    return check_session_file(session, key);
  }
  std::optional<std::string> session_text(const SessionFile& session) override {
    return read_file(session.path, kMaxRecordBytes).text;
  }

  std::optional<std::string> scenario_yaml(const std::string& sha256) override {
    if (!is_sha256_hex(sha256)) return std::nullopt;
    return read_file(store_.root() + "/scenarios/" + sha256 + ".yaml", kMaxRecordBytes).text;
  }
  ScenarioCopies::Source scenario_source() override {
    std::string root = store_.root();
    return [root](const std::string& sha256) -> std::optional<std::string> {
      if (!is_sha256_hex(sha256)) return std::nullopt;
      return read_file(root + "/scenarios/" + sha256 + ".yaml", kMaxRecordBytes).text;
    };
  }

  ReviewLog review_log(const std::string& session_id, const std::string& key) override {
    return read_review_log(review_path(store_.root(), session_id), session_id, key);
  }
  std::string review_location(const std::string& session_id) const override {
    return review_path(store_.root(), session_id);
  }
  std::optional<std::string> append_review(const ReviewEntry& entry, const std::string& key) override {
    return sim::append_review(store_.root(), entry, key);
  }
  std::optional<std::string> review_text(const std::string& session_id) override {
    return read_file(review_path(store_.root(), session_id), kMaxReviewBytes).text;
  }
  PutResult put_review_text(const std::string& session_id, const std::string&,
                            const std::string& text) override {
    PutResult out;
    auto stored = review_text(session_id);
    if (stored && *stored == text) {
      out.status = PutStatus::unchanged;
    } else if (stored && !text.starts_with(*stored)) {
      out.status = PutStatus::conflict;
    } else if (auto error = make_private_dir(store_.root() + "/reviews", true)) {
      out.error = *error;
    } else if (auto failed = write_file_atomically(review_path(store_.root(), session_id), text)) {
      out.error = *failed;
    }
    return out;
  }
  std::vector<std::string> orphan_reviews(const std::set<std::string>& sessions) override {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(fs::path(store_.root()) / "reviews", ec)) {
      if (entry.path().extension() == ".jsonl" && sessions.count(entry.path().stem().string()) == 0)
        out.push_back(entry.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  ProgressRebuild rebuild_progress(const std::string& trainee, const scoring::Rubric& rubric,
                                   const std::string& key) override {
    return sim::rebuild_progress(store_.root(), trainee, rubric, key);
  }

 private:
  RecordsStore store_;
};

}  // namespace

bool is_postgresql_url(const std::string& records) {
  return records.starts_with("postgresql://") || records.starts_with("postgres://");
}

std::unique_ptr<RecordsBackend> open_directory_records(const std::string& root) {
  return std::make_unique<DirectoryRecords>(root);
}

}  // namespace attune::sim
