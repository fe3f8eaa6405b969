#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "attune/simulator/file_io.h"
#include "attune/simulator/scenario_graph.h"
#include "commands.h"
#include "scenario_paths.h"

namespace attune::cli {
namespace {

// Graphviz renders the SVG; attune writes the DOT it reads. Nothing leaves the machine.
std::optional<std::string> render_svg(const std::string& dot, std::string& error) {
  const char* tmpdir = std::getenv("TMPDIR");
  // The path goes into a shell command in single quotes: a TMPDIR with a quote falls back to /tmp.
  const bool usable =
      tmpdir != nullptr && *tmpdir != '\0' && std::string_view(tmpdir).find('\'') == std::string_view::npos;
  std::string dot_file = std::string(usable ? tmpdir : "/tmp") + "/attune-graph-XXXXXX";
  const int fd = mkstemp(dot_file.data());
  if (fd < 0 || write(fd, dot.data(), dot.size()) != static_cast<ssize_t>(dot.size())) {
    error = "cannot write a temporary file for Graphviz in " + dot_file.substr(0, dot_file.rfind('/'));
    if (fd >= 0) {
      close(fd);
      std::remove(dot_file.c_str());
    }
    return std::nullopt;
  }
  close(fd);
  std::string command = "dot -Tsvg '" + dot_file + "' 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    error = "cannot run Graphviz's `dot`";
    std::remove(dot_file.c_str());
    return std::nullopt;
  }
  std::string svg;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) svg.append(buffer, n);
  const int status = pclose(pipe);
  std::remove(dot_file.c_str());
  if (status != 0 || !svg.starts_with("<?xml")) {
    error =
        WIFEXITED(status) && WEXITSTATUS(status) == 127
            ? "SVG needs Graphviz's `dot` (Debian: apt-get install graphviz); --format dot works without it"
            : "Graphviz's `dot` failed: " + svg.substr(0, 300);
    return std::nullopt;
  }
  return svg;
}

}  // namespace

int run_graph(const GraphOptions& options) {
  int status = kDone;
  const auto scenario = load_scenario_argument(options.scenario, "graph", "first", status);
  if (!scenario) return status;
  std::string out = sim::scenario_dot(*scenario);
  if (options.format == "svg") {
    std::string error;
    auto svg = render_svg(out, error);
    if (!svg) {
      std::cerr << "attune graph: " << error << "\n";
      return kUsageOrIo;
    }
    out = std::move(*svg);
  }
  if (options.out) {
    if (auto problem = sim::write_file_atomically(*options.out, out)) {
      std::cerr << "attune graph: " << *problem << "\n";
      return kUsageOrIo;
    }
    return kDone;
  }
  std::cout << out;
  return kDone;
}

}  // namespace attune::cli
