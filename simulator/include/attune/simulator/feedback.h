// Coach notes: what a turn did (with its evidence words), why it matters for a peer supporter,
// and a better alternative from the node's model responses.
#pragma once

#include <string>

#include "attune/simulator/scenario.h"
#include "attune/simulator/session.h"

namespace attune::sim {

// True when the turn cost points: advice, judgment, minimising, a boundary crossing, or cutting in.
bool fell_short(const Turn& turn);

std::string coach_note(const Turn& turn, const Node& node);

}  // namespace attune::sim
