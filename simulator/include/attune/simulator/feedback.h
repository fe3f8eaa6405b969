// Coach notes: what a turn did (with its evidence words), why it matters for a peer supporter,
// and a better alternative from the node's model responses.
#pragma once

#include <string>

#include "attune/simulator/scenario.h"
#include "attune/simulator/session.h"

namespace attune::sim {

// True when the turn cost points: advice (unless permission was sought in this or the previous
// turn, as the rubric has it), judgment, minimising, a boundary crossing, or cutting in.
bool fell_short(const Turn& turn, const Turn* previous);

std::string coach_note(const Turn& turn, const Turn* previous, const Node& node);

}  // namespace attune::sim
