#include "attune/simulator/runtime_paths.h"

#include <cstdlib>
#include <filesystem>

#include "attune/simulator/records_store.h"

namespace attune::sim {
namespace fs = std::filesystem;
namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

std::string home_dir() {
  std::string home = env("HOME");
  return home.empty() ? std::string(".") : home;
}

}  // namespace

std::string runtime_home() {
  if (std::string home = env("ATTUNE_HOME"); !home.empty()) return home;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path dir = exe.parent_path(); !dir.empty(); dir = dir.parent_path()) {
      if (fs::is_directory(dir / "assets", ec) && fs::is_directory(dir / "scenarios", ec))
        return dir.string();
      if (dir == dir.root_path()) break;
    }
  }
  return (fs::path(ATTUNE_INSTALL_PREFIX) / "share" / "attune").string();
}

std::string records_dir(const std::optional<std::string>& flag) {
  if (flag && !flag->empty()) return *flag;
  if (std::string dir = env("ATTUNE_RECORDS"); !dir.empty()) return dir;
  std::string data = env("XDG_DATA_HOME");
  if (data.empty()) data = home_dir() + "/.local/share";
  return data + "/attune/records";
}

std::string local_records_dir(const std::optional<std::string>& flag) {
  std::string records = records_dir(flag);
  return is_postgresql_url(records) ? fallback_records_dir() : records;
}

std::string fallback_records_dir() {
  if (std::string dir = env("ATTUNE_LOCAL_RECORDS"); !dir.empty()) return dir;
  std::string data = env("XDG_DATA_HOME");
  if (data.empty()) data = home_dir() + "/.local/share";
  return data + "/attune/records";
}

std::string key_file_path() {
  std::string config = env("XDG_CONFIG_HOME");
  if (config.empty()) config = home_dir() + "/.config";
  return config + "/attune/key";
}

std::optional<std::string> resolve_scenario(const std::string& argument) {
  std::error_code ec;
  if (fs::exists(argument, ec)) return argument;
  if (argument.find('/') == std::string::npos) {
    fs::path shipped = fs::path(runtime_home()) / "scenarios" / (argument + ".yaml");
    if (fs::exists(shipped, ec)) return shipped.string();
  }
  return std::nullopt;
}

}  // namespace attune::sim
