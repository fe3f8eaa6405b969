#include "attune/simulator/file_io.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <span>

namespace attune::sim {
namespace {

std::string describe_errno(const std::string& what, const std::string& path) {
  return what + " " + path + ": " + std::strerror(errno);
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

std::optional<std::string> sync_directory(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return describe_errno("cannot open directory", dir);
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return describe_errno("cannot sync directory", dir);
  return std::nullopt;
}

FileContents read_file(const std::string& path, std::size_t max_bytes) {
  FileContents result;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    result.missing = errno == ENOENT;
    result.error = describe_errno("cannot read", path);
    return result;
  }
  struct stat st {};
  if (::fstat(fd, &st) == 0 && !S_ISREG(st.st_mode)) {
    ::close(fd);
    result.error =
        "cannot read " + path + (S_ISDIR(st.st_mode) ? ": it is a directory" : ": not a regular file");
    return result;
  }
  std::string text;
  char buffer[1 << 16];
  while (true) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      result.error = describe_errno("cannot read", path);
      ::close(fd);
      return result;
    }
    if (n == 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
    if (text.size() > max_bytes) {
      ::close(fd);
      result.too_large = true;
      return result;
    }
  }
  ::close(fd);
  result.text = std::move(text);
  return result;
}

std::optional<std::string> make_private_dir(const std::string& dir, bool tighten_existing) {
  std::error_code ec;
  std::filesystem::path path(dir);
  std::filesystem::path built;
  for (const auto& part : path) {
    built /= part;
    if (std::filesystem::is_directory(built, ec)) continue;
    if (::mkdir(built.c_str(), 0700) != 0) {
      if (errno == EEXIST) continue;
      return describe_errno("cannot create directory", built);
    }
    std::string parent = built.parent_path().empty() ? "." : built.parent_path().string();
    if (auto error = sync_directory(parent)) return error;
  }
  if (!std::filesystem::is_directory(path, ec)) return "cannot create directory " + dir + ": not a directory";
  struct stat st {};
  if (tighten_existing && ::stat(dir.c_str(), &st) == 0 && st.st_uid == ::geteuid() &&
      (st.st_mode & 0077) != 0) {
    if (::chmod(dir.c_str(), 0700) != 0) return describe_errno("cannot make private", dir);
  }
  return std::nullopt;
}

bool left_by_dead_process(const std::string& name, const std::string& prefix) {
  if (!name.starts_with(prefix)) return false;
  const std::string rest = name.substr(prefix.size());
  const auto dash = rest.find('-');
  if (dash == std::string::npos || dash == 0) return false;
  char* end = nullptr;
  const long pid = std::strtol(rest.c_str(), &end, 10);
  if (end != rest.c_str() + dash || pid <= 0) return false;
  return ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

namespace {

// A writer killed between creating its temp file and renaming it leaves the temp behind. The
// temp names carry the writer's pid, so the next writer of the same file removes those whose
// writer is gone and leaves a live concurrent writer's alone.
void remove_abandoned_temps(const std::string& dir, const std::string& prefix) {
  std::error_code ec;
  for (auto it = std::filesystem::directory_iterator(dir, ec);
       !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
    if (left_by_dead_process(it->path().filename().string(), prefix)) ::unlink(it->path().c_str());
  }
}

std::optional<std::string> write_pieces_atomically(const std::string& path,
                                                   std::span<const std::string_view> pieces) {
  std::filesystem::path target(path);
  std::string dir = target.parent_path().empty() ? "." : target.parent_path().string();
  const std::string prefix = "." + target.filename().string() + ".tmp-";
  remove_abandoned_temps(dir, prefix);
  std::random_device random;
  std::string temp = dir + "/" + prefix + std::to_string(::getpid()) + "-" + std::to_string(random());
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return describe_errno("cannot write", temp);
  auto fail = [&](const std::string& what) {
    std::string message = describe_errno(what, path);
    ::close(fd);
    ::unlink(temp.c_str());
    return message;
  };
  if (::fchmod(fd, 0600) != 0) return fail("cannot set permissions of");
  for (const auto& piece : pieces) {
    if (!write_all(fd, piece)) return fail("cannot write");
  }
  if (::fsync(fd) != 0) return fail("cannot sync");
  if (::close(fd) != 0) {
    std::string message = describe_errno("cannot write", path);
    ::unlink(temp.c_str());
    return message;
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    std::string message = describe_errno("cannot replace", path);
    ::unlink(temp.c_str());
    return message;
  }
  return sync_directory(dir);
}

}  // namespace

std::optional<std::string> write_file_atomically(const std::string& path, std::string_view contents) {
  return write_pieces_atomically(path, std::span<const std::string_view>(&contents, 1));
}

std::optional<std::string> write_file_atomically(const std::string& path,
                                                 const std::vector<std::string>& pieces) {
  std::vector<std::string_view> views(pieces.begin(), pieces.end());
  return write_pieces_atomically(path, views);
}

std::optional<std::string> append_line_durably(const std::string& path, std::string_view line) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) return describe_errno("cannot open", path);
  std::string data(line);
  data += '\n';
  bool ok = write_all(fd, data) && ::fsync(fd) == 0;
  std::string message = ok ? std::string() : describe_errno("cannot append to", path);
  ::close(fd);
  if (!ok) return message;
  return std::nullopt;
}

}  // namespace attune::sim
