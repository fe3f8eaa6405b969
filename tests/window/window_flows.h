// Helpers for the window flow tests: `attune play` in a sandbox, driven by a window event script
// ($ATTUNE_WINDOW_EVENTS, see simulator/window/src/event_script.h) through the window's own
// event handler, and the records it leaves.
#pragma once

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "run_attune.h"

namespace attune::e2e {

// The three advice replies of tests/fixtures/plays/tell-me-what-to-do.advice.txt reach an end.
inline const char* const kAdvice[] = {
    "You should go back to work, having a routine will be good for you.",
    "You need to email your manager today and tell her yes.",
    "Why don't you just try it for a week and see how it goes?",
};

// A reply typed after `wait` of quiet and sent with Enter.
// A recorded turn's code names, sorted (the record keeps them in text order).
inline std::vector<std::string> turn_codes(const nlohmann::json& turn) {
  std::vector<std::string> out;
  for (const auto& c : turn["codes"]) out.push_back(c["code"]);
  std::sort(out.begin(), out.end());
  return out;
}

inline std::string reply(const std::string& text, const std::string& wait = "5s") {
  return "wait " + wait + "\ntype " + text + "\nkey Enter\n";
}

struct WindowRun {
  Output output;
  std::vector<nlohmann::json> records;  // the session records, in no order
  std::size_t journals = 0;             // unfinished sessions left in the records directory
};

// Plays tell-me-what-to-do (or `scenario`) in the window as trainee casey, driven by `events`.
inline WindowRun play_events(const Sandbox& box, const std::string& events,
                             const std::vector<std::string>& extra = {},
                             const std::string& scenario = "tell-me-what-to-do") {
  fs::path script = box.write("events.txt", events);
  std::vector<std::string> args = {"play",      scenario, "--records", box.records().string(),
                                   "--trainee", "casey"};
  args.insert(args.end(), extra.begin(), extra.end());
  WindowRun run;
  run.output = box.run(args, "", "ATTUNE_WINDOW_EVENTS=" + quote(script.string()));
  for (const auto& path : box.session_files(box.records()))
    run.records.push_back(nlohmann::json::parse(slurp(path)));
  if (fs::exists(box.records() / "journal")) {
    for (const auto& entry : fs::directory_iterator(box.records() / "journal"))
      run.journals += entry.is_regular_file();
  }
  return run;
}

}  // namespace attune::e2e
