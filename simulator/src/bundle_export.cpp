// Writing a bundle: two passes over the files (hash and size for the manifest, then the bytes),
// so memory stays at one file whatever the number of sessions.
#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

#include "attune/simulator/bundle.h"
#include "attune/simulator/file_io.h"
#include "attune/simulator/records.h"
#include "attune/simulator/sha256.h"

namespace attune::sim {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::size_t kMaxFileBytes = std::size_t{64} << 20;  // what import accepts

struct ArchiveCloser {
  void operator()(archive* a) const { archive_write_free(a); }
};
struct EntryFreer {
  void operator()(archive_entry* e) const { archive_entry_free(e); }
};

std::optional<std::string> add_entry(archive* a, const std::string& path, const std::string& bytes) {
  std::unique_ptr<archive_entry, EntryFreer> entry(archive_entry_new());
  archive_entry_set_pathname(entry.get(), path.c_str());
  archive_entry_set_filetype(entry.get(), AE_IFREG);
  archive_entry_set_perm(entry.get(), 0600);
  archive_entry_set_size(entry.get(), static_cast<la_int64_t>(bytes.size()));
  archive_entry_set_mtime(entry.get(), 0, 0);
  if (archive_write_header(a, entry.get()) != ARCHIVE_OK) return std::string(archive_error_string(a));
  if (!bytes.empty() &&
      archive_write_data(a, bytes.data(), bytes.size()) != static_cast<la_ssize_t>(bytes.size()))
    return std::string(archive_error_string(a));
  return std::nullopt;
}

std::optional<std::string> write_entries(int fd, const std::string& manifest,
                                         const std::vector<BundleSource>& files,
                                         const std::vector<std::string>& hashes) {
  std::unique_ptr<archive, ArchiveCloser> a(archive_write_new());
  archive_write_add_filter_gzip(a.get());
  archive_write_set_format_pax_restricted(a.get());
  if (archive_write_open_fd(a.get(), fd) != ARCHIVE_OK) return std::string(archive_error_string(a.get()));
  if (auto error = add_entry(a.get(), "manifest.json", manifest)) return error;
  for (std::size_t i = 0; i < files.size(); ++i) {
    auto file = read_file(files[i].disk_path, kMaxFileBytes);
    if (!file.text) return files[i].disk_path + ": " + (file.too_large ? "too large" : file.error);
    if (sha256_hex(*file.text) != hashes[i]) return files[i].disk_path + ": changed while it was exported";
    if (auto error = add_entry(a.get(), files[i].path, *file.text)) return error;
  }
  if (archive_write_close(a.get()) != ARCHIVE_OK) return std::string(archive_error_string(a.get()));
  return std::nullopt;
}

}  // namespace

std::optional<std::string> write_bundle(const std::string& out, const std::vector<BundleSource>& files,
                                        const std::vector<std::string>& trainees) {
  json listed = json::array();
  std::vector<std::string> hashes;
  hashes.reserve(files.size());
  for (const auto& f : files) {
    auto file = read_file(f.disk_path, kMaxFileBytes);
    if (!file.text)
      return f.disk_path + ": " + (file.too_large ? "larger than a bundle entry may be" : file.error);
    hashes.push_back(sha256_hex(*file.text));
    listed.push_back({{"path", f.path}, {"sha256", hashes.back()}, {"bytes", file.text->size()}});
  }
  json manifest = {
      {"format", kBundleFormat}, {"created", now_iso8601()}, {"trainees", trainees}, {"files", listed}};

  fs::path target(out);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temp = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  int fd = mkstemp(temp.data());  // 0600
  if (fd < 0) return "cannot create a file in " + dir.string() + ": " + std::strerror(errno);
  auto error = write_entries(fd, manifest.dump(2) + "\n", files, hashes);
  if (!error && fsync(fd) != 0) error = std::string("fsync: ") + std::strerror(errno);
  close(fd);
  if (!error && std::rename(temp.c_str(), out.c_str()) != 0)
    error = "cannot write " + out + ": " + std::strerror(errno);
  if (error) {
    unlink(temp.c_str());
    return error;
  }
  sync_directory(dir.string());
  return std::nullopt;
}

}  // namespace attune::sim
