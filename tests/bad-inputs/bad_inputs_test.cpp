// The bad-input corpus: `attune check` on every hostile or broken file in manifest.tsv must exit as
// expected, print the expected `FILE:LINE:COL: error: ... [RULE]`, stay under 1 GiB of address
// space and never die by a signal. Generated cases (`gen:...`) are written to a temp dir first.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace attune::bad_inputs {
namespace {

namespace fs = std::filesystem;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kUnderAsan = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kUnderAsan = true;
#else
constexpr bool kUnderAsan = false;
#endif
#else
constexpr bool kUnderAsan = false;
#endif

constexpr rlim_t kAddressSpaceLimit = rlim_t{1} << 30;

struct Case {
  std::string file;
  int exit = 0;
  std::string line_col;  // "-" when no error is expected
  std::string rule;
  std::string word;
};

// Test names already say which file; print it, not the struct's bytes.
void PrintTo(const Case& c, std::ostream* os) {
  *os << c.file;
}

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(line);
  while (std::getline(in, part, sep)) parts.push_back(part);
  return parts;
}

std::vector<Case> load_manifest() {
  std::vector<Case> cases;
  std::ifstream in(fs::path(ATTUNE_BAD_INPUTS_DIR) / "manifest.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto parts = split(line, '\t');
    if (parts.size() != 5) {
      ADD_FAILURE() << "manifest row without 5 tab-separated columns: " << line;
      continue;
    }
    cases.push_back(Case{parts[0], std::stoi(parts[1]), parts[2], parts[3], parts[4]});
  }
  return cases;
}

// The generator kinds documented at the top of manifest.tsv.
std::string generate(const std::string& spec) {
  auto p = split(spec, ':');  // "gen", kind, args...
  if (p.size() < 3) throw std::runtime_error("bad generator spec " + spec);
  const std::string& kind = p[1];
  auto n = static_cast<std::size_t>(std::stoull(p[2]));
  bool closed = p.size() > 3 && p[3] == "closed";
  std::string text;
  if (kind == "big") {
    text = "title: ";
    text.append(n > text.size() ? n - text.size() : 0, 'x');
  } else if (kind == "deep") {
    text.append(n, '[');
    if (closed) text.append(n, ']').append("\n");
  } else if (kind == "deepmap") {
    for (std::size_t i = 0; i < n; ++i) text += "{a: ";
    if (closed) text.append("1").append(n, '}').append("\n");
  } else if (kind == "indent") {
    for (std::size_t i = 0; i < n; ++i) text.append(2 * i, ' ').append("a:\n");
  } else if (kind == "alias" && p.size() == 4) {
    auto count = static_cast<std::size_t>(std::stoull(p[3]));
    text = "attune: 1\nid: x\ntitle: &t ";
    text.append(n, 'y').append("\nsummary: [");
    for (std::size_t i = 0; i < count; ++i) text += i == 0 ? "*t" : ", *t";
    text += "]\n";
  } else {
    throw std::runtime_error("unknown generator " + spec);
  }
  return text;
}

std::string test_name(const std::string& file) {
  std::string name;
  for (char c : file) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

struct Outcome {
  int status = -1;  // exit status, or 128 + signal
  std::string out;
};

// `attune check FILE` in a child limited to 1 GiB of address space, stdout and stderr to `log`.
Outcome run_check(const fs::path& file, const fs::path& log) {
  std::string binary = ATTUNE_BINARY;
  std::string home = ATTUNE_SOURCE_DIR;
  std::string path = file.string();
  pid_t pid = fork();
  if (pid == 0) {
    if (!kUnderAsan) {  // ASan reserves terabytes of shadow memory up front
      rlimit limit{kAddressSpaceLimit, kAddressSpaceLimit};
      setrlimit(RLIMIT_AS, &limit);
    }
    int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) _exit(120);
    dup2(fd, STDOUT_FILENO);
    dup2(fd, STDERR_FILENO);
    close(fd);
    setenv("ATTUNE_HOME", home.c_str(), 1);
    execl(binary.c_str(), binary.c_str(), "check", path.c_str(), static_cast<char*>(nullptr));
    _exit(121);
  }
  Outcome run;
  int raw = 0;
  if (pid < 0 || waitpid(pid, &raw, 0) != pid) return run;
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
  run.out = slurp(log);
  return run;
}

class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ = fs::temp_directory_path() / ("attune-bad-inputs-" + std::to_string(random()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

class BadInput : public testing::TestWithParam<Case> {};

TEST_P(BadInput, CheckGivesTheExpectedDiagnostic) {
  const Case& c = GetParam();
  TempDir temp;
  fs::path file = fs::path(ATTUNE_BAD_INPUTS_DIR) / c.file;
  if (c.file.starts_with("gen:")) {
    file = temp.path() / (test_name(c.file) + ".yaml");
    std::ofstream(file, std::ios::binary) << generate(c.file);
  }
  Outcome run = run_check(file, temp.path() / "out.txt");
  ASSERT_GE(run.status, 0) << "could not run " << ATTUNE_BINARY;
  ASSERT_LT(run.status, 120) << "killed by signal " << run.status - 128
                             << " (out of memory under the 1 GiB limit?)\n"
                             << run.out.substr(0, 4000);
  EXPECT_EQ(run.status, c.exit) << run.out.substr(0, 4000);
  if (c.line_col == "-") {
    EXPECT_EQ(run.out.find(": error:"), std::string::npos) << run.out.substr(0, 4000);
    return;
  }
  std::string prefix = file.string() + ":" + c.line_col + ": error: ";
  std::string suffix = " [" + c.rule + "]";
  bool found = false;
  std::istringstream lines(run.out);
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.starts_with(prefix) || !line.ends_with(suffix)) continue;
    found = c.word == "-" || line.find(c.word) != std::string::npos;
    if (found) break;
  }
  EXPECT_TRUE(found) << "expected " << c.line_col << ": error: ... '" << c.word << "' ..." << suffix
                     << "\ngot:\n"
                     << run.out.substr(0, 4000);
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInput, testing::ValuesIn(load_manifest()),
                         [](const testing::TestParamInfo<Case>& row) { return test_name(row.param.file); });

}  // namespace
}  // namespace attune::bad_inputs
