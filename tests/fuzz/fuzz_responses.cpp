// libFuzzer target: the responses-file parser (`play --responses FILE`), then the parsed turns
// played through a Session on a small fixed scenario, as the scripted player does: every line
// without an error is submitted, until the session ends.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "attune/scoring/diagnostics.h"
#include "attune/simulator/responses_file.h"
#include "attune/simulator/scenario_loader.h"
#include "attune/simulator/session.h"

namespace {

// Free replies with variables, conditions, a say line and a cycle (so long scripts keep playing).
constexpr std::string_view kScenario = R"(attune: 1
id: fuzz-responses
title: Fuzz responses
client: {name: Lee}
vars: { trust: 0 }
start: opening
nodes:
  opening:
    client: I don't know what to do about my sister.
    space: 4s
    respond:
      - when: [advice]
        set: { trust: -1 }
        goto: hurt
      - when: [simple_reflection, complex_reflection]
        set: { trust: 2 }
        say: Yeah, exactly.
        goto: opens-up
      - when: [silence]
        goto: opens-up
    otherwise: opens-up
  opens-up:
    client: She keeps calling me at work.
    space: 3s
    respond:
      - when: [open_question]
        if: trust >= 2
        goto: good-end
      - when: [closed_question]
        set: { trust: 1 }
        goto: opening
    otherwise: hurt
  hurt:
    client: Okay. Never mind.
    end: true
    outcome: withdrew
  good-end:
    client: I think I'll talk to her this weekend.
    end: true
    outcome: engaged
)";

const attune::sim::Scenario& scenario() {
  static const attune::sim::Scenario loaded = [] {
    attune::sim::ScenarioLoad load = attune::sim::load_scenario(kScenario, "fuzz-responses.yaml");
    if (!load.scenario) {
      for (const attune::Diagnostic& diagnostic : load.diagnostics) {
        std::fprintf(stderr, "%s\n", attune::format_diagnostic(diagnostic).c_str());
      }
      std::abort();
    }
    return *load.scenario;
  }();
  return loaded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::vector<attune::sim::ScriptedLine> lines = attune::sim::parse_responses(text);
  attune::sim::Session session(scenario(), attune::sim::SessionMode::practice);
  for (const attune::sim::ScriptedLine& line : lines) {
    if (session.ended()) break;
    if (!line.error.empty()) continue;
    (void)session.submit(line.input);
  }
  return 0;
}
