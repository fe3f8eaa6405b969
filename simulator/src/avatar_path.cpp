#include "attune/simulator/avatar_path.h"

#include <algorithm>
#include <filesystem>

namespace attune::sim {
namespace {

namespace fs = std::filesystem;

bool inside(const fs::path& path, const fs::path& dir) {
  auto [end, rest] = std::mismatch(dir.begin(), dir.end(), path.begin(), path.end());
  return end == dir.end();
}

}  // namespace

AvatarFile avatar_file(const std::string& runtime_home, const std::string& avatar) {
  fs::path name(avatar);
  if (name.has_root_path())
    return {"", "it is an absolute path; name a file under assets/avatars/, like ray.png"};
  for (const auto& part : name) {
    if (part == "..") return {"", "'..' would leave assets/avatars/; name a file under it, like ray.png"};
  }
  fs::path dir = fs::path(runtime_home) / "assets" / "avatars";
  fs::path file = dir / name;
  std::error_code ec;
  fs::path real_dir = fs::weakly_canonical(dir, ec);
  fs::path real_file = ec ? file : fs::weakly_canonical(file, ec);
  if (!ec && !inside(real_file, real_dir)) return {"", "it links to a file outside assets/avatars/"};
  return {file.string(), ""};
}

}  // namespace attune::sim
