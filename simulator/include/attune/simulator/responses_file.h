// Scripted trainees (`play --responses FILE`): one turn per line, as PRODUCT.md's "Responses file".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "attune/simulator/session.h"

namespace attune::sim {

// One meaningful line: a turn, or what is wrong with it. A bad line is kept in order so the
// player can play every turn before it and then stop with `FILE:LINE: message`.
struct ScriptedLine {
  int line = 0;  // 1-based
  TurnInput input;
  std::string error;  // non-empty: this line is not a turn
};

std::vector<ScriptedLine> parse_responses(std::string_view text);

// The number of the file's last line (a final line without '\n' counts), for "the file ends
// before the session does" messages.
int last_line_number(std::string_view text);

}  // namespace attune::sim
