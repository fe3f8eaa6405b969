// Reading a bundle: every header is checked before its data is read, data is counted as it is
// decompressed (never trusting the declared size alone), and each file is hashed on the way into
// the staging directory. The first problem refuses the whole bundle.
#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "attune/simulator/bundle.h"
#include "attune/simulator/file_io.h"
#include "attune/simulator/records.h"

namespace attune::sim {
namespace {

using nlohmann::json;

struct ReaderFreer {
  void operator()(archive* a) const { archive_read_free(a); }
};
struct DigestFreer {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};

std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t slash = path.find('/', start);
    parts.push_back(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) return parts;
    start = slash + 1;
  }
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string stem(const std::string& name, const std::string& suffix) {
  return name.substr(0, name.size() - suffix.size());
}

bool is_hex64(const std::string& s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

std::string path_problem(const std::string& path) {
  if (path.empty()) return "an empty name";
  if (path.front() == '/') return "an absolute path";
  for (const auto& part : split(path)) {
    if (part == "..") return "a path holding '..'";
    if (part.empty() || part == ".") return "a path with an empty or '.' part";
  }
  if (path.find('\\') != std::string::npos) return "a path holding '\\'";
  if (!is_bundle_layout_path(path)) return "not in the records layout (sessions/, reviews/, scenarios/)";
  return {};
}

std::string mib(std::size_t bytes) {
  return bytes % (std::size_t{1} << 30) == 0 ? std::to_string(bytes >> 30) + " GiB"
                                             : std::to_string(bytes >> 20) + " MiB";
}

std::string hex(const unsigned char* bytes, unsigned int length) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += kDigits[bytes[i] >> 4];
    out += kDigits[bytes[i] & 0xF];
  }
  return out;
}

struct Listed {
  std::string sha256;
  std::size_t bytes = 0;
  bool seen = false;
};

std::string parse_manifest(const std::string& text, std::map<std::string, Listed>& listed) {
  json manifest = json::parse(text, nullptr, false);
  if (!manifest.is_object() || manifest.value("format", json()) != kBundleFormat)
    return "not an attune-bundle/1 manifest";
  const json& files = manifest.contains("files") ? manifest["files"] : json();
  if (!files.is_array()) return "the manifest has no `files` list";
  for (const auto& f : files) {
    if (!f.is_object() || !f.contains("path") || !f["path"].is_string() || !f.contains("sha256") ||
        !f["sha256"].is_string() || !f.contains("bytes") || !f["bytes"].is_number_unsigned())
      return "a manifest entry without path, sha256 and bytes";
    // Each path is checked when its entry comes (or found missing), so the refusal names the entry.
    std::string path = f["path"].get<std::string>();
    if (!listed.emplace(path, Listed{f["sha256"].get<std::string>(), f["bytes"].get<std::size_t>()}).second)
      return "it lists '" + path + "' twice";
  }
  return {};
}

class Unpacker {
 public:
  Unpacker(const std::string& staging, const BundleLimits& limits) : staging_(staging), limits_(limits) {}

  UnpackedBundle run(const std::string& archive_path) {
    std::unique_ptr<archive, ReaderFreer> a(archive_read_new());
    archive_read_support_filter_gzip(a.get());
    archive_read_support_format_tar(a.get());
    if (archive_read_open_filename(a.get(), archive_path.c_str(), 1 << 16) != ARCHIVE_OK) {
      int error = archive_errno(a.get());  // the file unreadable (I/O), else not a bundle (content)
      out_.io_error =
          error == EACCES || error == ENOENT || error == EIO || error == EISDIR || error == ENOMEM;
      out_.refusal = "not a .tar.gz bundle: " + error_of(a.get());
      return out_;
    }
    archive_entry* entry = nullptr;
    std::size_t count = 0;
    while (!out_.refusal) {
      int status = archive_read_next_header(a.get(), &entry);
      if (status == ARCHIVE_EOF) break;
      if (status != ARCHIVE_OK) {
        out_.refusal = "after entry " + std::to_string(count) + ": damaged archive: " + error_of(a.get());
        break;
      }
      if (++count > limits_.max_entries) {
        const char* name = archive_entry_pathname(entry);
        refuse(name ? name : "",
               "the bundle has more than " + std::to_string(limits_.max_entries) + " entries");
        break;
      }
      entry_(a.get(), entry, count == 1);
    }
    if (!out_.refusal && !manifest_read_) out_.refusal = "an empty bundle (no manifest.json)";
    if (!out_.refusal) {
      for (const auto& [path, l] : listed_) {
        if (!l.seen) {
          out_.refusal = "entry '" + path + "': listed in the manifest but missing from the bundle";
          break;
        }
      }
    }
    return out_;
  }

 private:
  static std::string error_of(archive* a) {
    const char* message = archive_error_string(a);
    return message ? message : "unknown error";
  }

  void refuse(const std::string& path, const std::string& why) {
    out_.refusal = "entry '" + path + "': " + why;
  }

  void entry_(archive* a, archive_entry* entry, bool first) {
    const char* raw = archive_entry_pathname(entry);
    std::string path = raw ? raw : "";
    if (archive_entry_hardlink(entry) != nullptr)
      return refuse(path, "a hard link (only regular files are allowed)");
    if (archive_entry_symlink(entry) != nullptr || archive_entry_filetype(entry) == AE_IFLNK)
      return refuse(path, "a symbolic link (only regular files are allowed)");
    auto type = archive_entry_filetype(entry);
    if (type == AE_IFDIR) return refuse(path, "a directory entry (only regular files are allowed)");
    if (type != AE_IFREG) return refuse(path, "a device, fifo or socket (only regular files are allowed)");
    if (archive_entry_size_is_set(entry) && static_cast<std::size_t>(std::max<la_int64_t>(
                                                archive_entry_size(entry), 0)) > limits_.max_entry_bytes)
      return refuse(path, "larger than the limit for an entry (" + mib(limits_.max_entry_bytes) + ")");
    if (first) {
      if (path != "manifest.json") return refuse(path, "the first entry must be manifest.json");
      std::string text;
      if (!read_data(a, path, nullptr, &text)) return;
      if (auto problem = parse_manifest(text, listed_); !problem.empty()) return refuse(path, problem);
      manifest_read_ = true;
      return;
    }
    if (path == "manifest.json") return refuse(path, "a second manifest.json");
    if (auto problem = path_problem(path); !problem.empty()) return refuse(path, problem);
    if (!seen_.insert(path).second) return refuse(path, "a duplicate entry");
    auto it = listed_.find(path);
    if (it == listed_.end()) return refuse(path, "not listed in the manifest");
    std::string target = staging_ + "/" + path;
    // Each directory is made once: make_private_dir looks at every part of the path.
    std::string dir = target.substr(0, target.rfind('/'));
    if (made_dirs_.count(dir) == 0) {
      if (auto error = make_private_dir(dir)) {
        out_.io_error = true;
        return refuse(path, "cannot write the staging directory: " + *error);
      }
      made_dirs_.insert(dir);
    }
    int fd = open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
      out_.io_error = true;
      return refuse(path, "cannot write the staging directory: " + std::string(std::strerror(errno)));
    }
    std::unique_ptr<EVP_MD_CTX, DigestFreer> digest(EVP_MD_CTX_new());
    EVP_DigestInit_ex(digest.get(), EVP_sha256(), nullptr);
    std::size_t before = total_;
    digest_ = digest.get();
    bool ok = read_data(a, path, &fd, nullptr);
    digest_ = nullptr;
    if (close(fd) != 0 && ok) {
      out_.io_error = true;
      return refuse(path, "cannot write the staging directory: " + std::string(std::strerror(errno)));
    }
    if (!ok) return;
    unsigned char bytes[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(digest.get(), bytes, &length);
    std::size_t size = total_ - before;
    if (size != it->second.bytes)
      return refuse(path,
                    std::to_string(size) + " bytes, the manifest says " + std::to_string(it->second.bytes));
    if (hex(bytes, length) != it->second.sha256)
      return refuse(path, "its SHA-256 differs from the manifest's");
    it->second.seen = true;
    out_.paths.push_back(path);
  }

  // Streams the entry's data into `fd` (hashing it) or `text`, stopping at the limits.
  bool read_data(archive* a, const std::string& path, const int* fd, std::string* text) {
    char buffer[1 << 16];
    std::size_t entry_bytes = 0;
    while (true) {
      la_ssize_t n = archive_read_data(a, buffer, sizeof buffer);
      if (n == 0) return true;
      if (n < 0) {
        refuse(path, "damaged data: " + error_of(a));
        return false;
      }
      auto got = static_cast<std::size_t>(n);
      entry_bytes += got;
      total_ += got;
      if (entry_bytes > limits_.max_entry_bytes) {
        refuse(path, "larger than the limit for an entry (" + mib(limits_.max_entry_bytes) +
                         "; stopped while unpacking)");
        return false;
      }
      if (total_ > limits_.max_total_bytes) {
        refuse(path, "the bundle unpacks to more than its limit (" + mib(limits_.max_total_bytes) +
                         "; stopped while unpacking)");
        return false;
      }
      if (text) text->append(buffer, got);
      if (fd) {
        EVP_DigestUpdate(digest_, buffer, got);
        std::size_t written = 0;
        while (written < got) {
          ssize_t w = write(*fd, buffer + written, got - written);
          if (w < 0) {
            out_.io_error = true;
            refuse(path, "cannot write the staging directory: " + std::string(std::strerror(errno)));
            return false;
          }
          written += static_cast<std::size_t>(w);
        }
      }
    }
  }

  std::string staging_;
  BundleLimits limits_;
  UnpackedBundle out_;
  std::map<std::string, Listed> listed_;
  std::set<std::string> seen_;
  std::set<std::string> made_dirs_;
  std::size_t total_ = 0;
  bool manifest_read_ = false;
  EVP_MD_CTX* digest_ = nullptr;
};

}  // namespace

bool is_bundle_layout_path(const std::string& path) {
  auto parts = split(path);
  if (parts.size() == 3 && parts[0] == "sessions") {
    return is_valid_trainee_id(parts[1]) && ends_with(parts[2], ".json") &&
           is_valid_trainee_id(stem(parts[2], ".json"));
  }
  if (parts.size() == 2 && parts[0] == "reviews")
    return ends_with(parts[1], ".jsonl") && is_valid_trainee_id(stem(parts[1], ".jsonl"));
  if (parts.size() == 2 && parts[0] == "scenarios")
    return ends_with(parts[1], ".yaml") && is_hex64(stem(parts[1], ".yaml"));
  return false;
}

UnpackedBundle unpack_bundle(const std::string& archive, const std::string& staging,
                             const BundleLimits& limits) {
  return Unpacker(staging, limits).run(archive);
}

}  // namespace attune::sim
