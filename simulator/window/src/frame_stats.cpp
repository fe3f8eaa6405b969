#include "frame_stats.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace attune::window {

double FrameStats::percentile(std::vector<double> samples, double p) {
  if (samples.empty()) return 0.0;
  std::sort(samples.begin(), samples.end());
  // Nearest rank: the smallest sample at or above p percent of them.
  auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(samples.size())));
  return samples[std::clamp<std::size_t>(rank, 1, samples.size()) - 1];
}

std::string FrameStats::report() const {
  char line[256];
  std::snprintf(line, sizeof line, "frames: %zu  frame ms p50 %.2f  p90 %.2f  p99 %.2f  max %.2f\n",
                frames_.size(), percentile(frames_, 50), percentile(frames_, 90), percentile(frames_, 99),
                frames_.empty() ? 0.0 : *std::max_element(frames_.begin(), frames_.end()));
  std::string out = line;
  std::snprintf(line, sizeof line, "frame cpu ms (all threads) p50 %.2f  p90 %.2f  p99 %.2f\n",
                percentile(cpu_, 50), percentile(cpu_, 90), percentile(cpu_, 99));
  out += line;
  if (!replies_.empty()) {
    std::snprintf(line, sizeof line, "replies: %zu  Enter to reply on screen ms p50 %.2f  max %.2f\n",
                  replies_.size(), percentile(replies_, 50),
                  *std::max_element(replies_.begin(), replies_.end()));
    out += line;
  }
  return out;
}

}  // namespace attune::window
