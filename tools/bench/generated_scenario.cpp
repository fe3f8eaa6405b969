#include "generated_scenario.h"

namespace attune::bench {

std::string generated_scenario(int nodes) {
  std::string y =
      "attune: 1\nid: generated\ntitle: Generated\nclient:\n  name: Sam\nvars: { trust: 0 }\nstart: "
      "n0\nnodes:\n";
  for (int i = 0; i < nodes; ++i) {
    std::string id = "n" + std::to_string(i);
    std::string next = i + 1 < nodes ? "n" + std::to_string(i + 1) : "end";
    y += "  " + id + ":\n";
    y += "    client: I keep going over the same worries at night and I am not sure what any of it means for "
         "me.\n";
    y += "    mood: guarded\n    space: 4s\n";
    y += "    model_responses:\n";
    y += "      - It sounds like those nights leave you carrying a lot on your own.\n";
    y += "      - What feels most pressing when the worries come back?\n";
    y += "    respond:\n";
    y += "      - when: [advice, judgment]\n        set: { trust: -1 }\n        goto: " + next + "\n";
    y += "      - when: [simple_reflection, complex_reflection]\n        if: trust >= 0\n        goto: " +
         next + "\n";
    y += "      - when: [silence, open_question]\n        say: Yeah.\n        goto: " + next + "\n";
    y += "    otherwise: " + next + "\n";
  }
  y += "  end:\n    client: Thanks.\n    end: true\n    outcome: engaged\n";
  return y;
}

}  // namespace attune::bench
