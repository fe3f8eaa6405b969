// Bundles (`attune-bundle/1`, PRODUCT.md "Moving records between machines"): a .tar.gz written and
// read with libarchive. Writing streams each file from disk; reading checks every entry's header
// before any byte lands, counts bytes while it extracts (a compression bomb stops at the limit),
// and refuses the whole bundle at the first thing that is not what the manifest says.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace attune::sim {

inline constexpr const char* kBundleFormat = "attune-bundle/1";

// One file to put in a bundle: where it is on disk and its path inside the bundle.
struct BundleSource {
  std::string disk_path;
  std::string path;  // relative, in the records directory's layout
};

// Writes the bundle to `out` (0600, via a temp file renamed into place): manifest.json first
// (with `created` and `trainees`), then `files` in the given order. An error message, or nullopt.
std::optional<std::string> write_bundle(const std::string& out, const std::vector<BundleSource>& files,
                                        const std::vector<std::string>& trainees);

struct BundleLimits {
  std::size_t max_entry_bytes = std::size_t{64} << 20;
  std::size_t max_total_bytes = std::size_t{1} << 30;
  std::size_t max_entries = 100000;
};

// True for a path in the bundle layout: sessions/TRAINEE/ID.json, reviews/ID.jsonl,
// scenarios/SHA256.yaml (no `.`, `..`, absolute or empty parts).
bool is_bundle_layout_path(const std::string& path);

struct UnpackedBundle {
  std::vector<std::string> paths;      // every entry but manifest.json, in bundle order, now in staging
  std::optional<std::string> refusal;  // "entry 'X': why", when the bundle is refused whole
  bool io_error = false;               // the refusal is about reading the file or writing staging
};

// Unpacks `archive` into the (empty, private) directory `staging`, checking as it goes.
UnpackedBundle unpack_bundle(const std::string& archive, const std::string& staging,
                             const BundleLimits& limits = {});

// Import's staging directory: `.import-<pid>-XXXXXX` (0700) inside the records directory, so it
// is renamed from on the same file system. Directories of this form left by an import that was
// killed (its pid gone) are removed first; a live import's are left alone. Records readers never
// look there: they read only sessions/, reviews/, progress/, scenarios/ and journal/. Returns the
// new directory's path, or nullopt with `error` set.
inline constexpr const char* kStagingPrefix = ".import-";
std::optional<std::string> make_staging_dir(const std::string& records_root, std::string& error);

}  // namespace attune::sim
