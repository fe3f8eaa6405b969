// Frame-time samples (handling events and drawing one frame, without any sleep) and their
// percentiles, for --frame-stats and the window benchmark.
#pragma once

#include <string>
#include <vector>

namespace attune::window {

class FrameStats {
 public:
  // `cpu_ms`: the process's CPU time over the frame, all threads (llvmpipe rasterizes on its
  // own threads): on a busy machine it shows the frame's own cost, which waiting hides.
  void add_frame(double ms, double cpu_ms) {
    frames_.push_back(ms);
    cpu_.push_back(cpu_ms);
  }
  void add_reply(double ms) { replies_.push_back(ms); }
  std::string report() const;

  static double percentile(std::vector<double> samples, double p);

 private:
  std::vector<double> frames_;
  std::vector<double> cpu_;
  std::vector<double> replies_;  // Enter to the first frame that shows the client's reply
};

}  // namespace attune::window
