// Runs the real `attune` binary in a private sandbox (records, key, config) and captures its output.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace attune::e2e {

namespace fs = std::filesystem;

struct Output {
  int status = -1;
  std::string out;
  std::string err;
};

inline std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class Sandbox {
 public:
  Sandbox() {
    std::random_device random;
    root_ = fs::temp_directory_path() / ("attune-e2e-" + std::to_string(random()));
    fs::create_directories(root_);
  }
  ~Sandbox() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  const fs::path& root() const { return root_; }
  fs::path records() const { return root_ / "records"; }

  fs::path write(const std::string& name, const std::string& contents) const {
    fs::path path = root_ / name;
    std::ofstream(path, std::ios::binary) << contents;
    return path;
  }

  // `stdin_text` is piped in; HOME and XDG dirs point into the sandbox so nothing leaks out.
  Output run(const std::vector<std::string>& args, const std::string& stdin_text = "",
             const std::string& extra_env = "") const {
    fs::path in = write("stdin.txt", stdin_text);
    // ATTUNE_HOME: the build tree may live outside the source tree, where discovery cannot find it.
    std::string command =
        "env -u ATTUNE_RECORDS -u ATTUNE_KEY ATTUNE_HOME=" + quote(ATTUNE_SOURCE_DIR) +
        " HOME=" + quote(root_.string()) + " XDG_CONFIG_HOME=" + quote((root_ / "config").string()) +
        " XDG_DATA_HOME=" + quote((root_ / "data").string()) + " " + extra_env + " " + quote(ATTUNE_BINARY);
    for (const auto& a : args) command += " " + quote(a);
    command += " <" + quote(in.string()) + " >" + quote((root_ / "out.txt").string()) + " 2>" +
               quote((root_ / "err.txt").string());
    Output result;
    int raw = std::system(command.c_str());
    result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
    result.out = slurp(root_ / "out.txt");
    result.err = slurp(root_ / "err.txt");
    return result;
  }

  // Session records under the records directory (or `dir`), excluding everything else.
  std::vector<fs::path> session_files(const fs::path& dir) const {
    std::vector<fs::path> files;
    if (!fs::exists(dir / "sessions")) return files;
    for (const auto& entry : fs::recursive_directory_iterator(dir / "sessions")) {
      if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
    }
    return files;
  }

 private:
  fs::path root_;
};

inline fs::path source(const std::string& relative) {
  return fs::path(ATTUNE_SOURCE_DIR) / relative;
}

}  // namespace attune::e2e
