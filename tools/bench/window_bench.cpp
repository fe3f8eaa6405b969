// Frame time of the practice window (PRODUCT.md: p99 <= 4 ms under Xvfb's llvmpipe at 1280x800
// with 200 turns on screen, while scrolling and typing). A program rather than a Google
// Benchmark: it needs a display and one long-lived window. Run it under Xvfb:
//   xvfb-run -a -s "-screen 0 1280x800x24" build/release/tools/bench/attune_window_bench [TURNS] [TYPED]
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>

#include "attune/simulator/file_io.h"
#include "attune/simulator/recorder.h"
#include "attune/simulator/runtime_paths.h"
#include "attune/simulator/scenario_loader.h"
#include "attune/window/window_player.h"
#include "generated_scenario.h"

namespace {

const char* kReplies[] = {
    "It sounds like the nights have been long and lonely for you lately.",
    "What goes through your mind when you wake up like that?",
    "You’re carrying a lot — and part of you wonders if it will ever ease.",
};

}  // namespace

int main(int argc, char** argv) {
  using namespace attune;
  int turns = argc > 1 ? std::atoi(argv[1]) : 200;
  int typed = argc > 2 ? std::atoi(argv[2]) : 30;
  if (!window::display_available()) {
    std::cerr << "attune_window_bench: needs a display (run it under xvfb-run)\n";
    return 2;
  }
  auto load = sim::load_scenario(bench::generated_scenario(turns + typed), "generated.yaml");
  if (!load.scenario) return 1;
  std::string home = sim::runtime_home();
  auto rubric_text = sim::read_file(home + "/assets/rubrics/peer-support-v1.yaml", 1 << 20);
  if (!rubric_text.text) {
    std::cerr << "attune_window_bench: cannot read the rubric under " << home << " (set ATTUNE_HOME)\n";
    return 2;
  }
  auto rubric = scoring::load_rubric(*rubric_text.text, "rubric");
  std::random_device random;
  auto dir = std::filesystem::temp_directory_path() / ("attune-window-bench-" + std::to_string(random()));
  sim::RecorderSetup setup{dir.string(), "bench", &*rubric.rubric, "", "bench-key"};

  std::vector<sim::ScriptedLine> script;
  for (int i = 0; i < turns + typed; ++i) {
    sim::ScriptedLine line;
    line.line = i + 1;
    line.input = sim::TurnInput::reply(kReplies[i % 3], 5000);
    script.push_back(line);
  }
  window::WindowOptions options;
  options.runtime_home = home;
  options.settings_path = (dir / "window.json").string();
  options.script = &script;
  options.script_file = "generated";
  options.frame_stats = true;
  options.bench_from_line = static_cast<std::size_t>(turns);
  std::string error;
  auto player = window::WindowPlayer::open(*load.scenario, options, error);
  if (!player) {
    std::cerr << "attune_window_bench: " << error << "\n";
    return 2;
  }
  auto session = std::make_unique<sim::Session>(*load.scenario, sim::SessionMode::practice);
  auto recorder = std::make_unique<sim::SessionRecorder>(setup);
  if (auto problem = recorder->begin(*session)) {
    std::cerr << "attune_window_bench: " << *problem << "\n";
    return 2;
  }
  auto play = player->play(std::move(session), std::move(recorder),
                           [&] { return std::make_unique<sim::SessionRecorder>(setup); });
  std::cout << "window, 1280x800, " << turns << " turns on screen, then " << typed
            << " replies typed one key a frame while scrolling every frame:\n"
            << play.frame_stats;
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  return play.io_error.empty() ? 0 : 1;
}
