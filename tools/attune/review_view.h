// The supervisor's view of one session in the terminal: the transcript with each code and the
// words that earned it, corrections beside the automatic codes, and scores both ways.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "attune/simulator/reviewed_session.h"

namespace attune::cli {

// `advice: "You should call"` (the evidence words cut from the response), or just the code name
// when the code has no span (timing and authored codes).
std::string code_with_evidence(const nlohmann::json& turn, const nlohmann::json& code);

std::string render_review(const nlohmann::json& record, const sim::ReviewedSession& view,
                          const scoring::Rubric& rubric);

}  // namespace attune::cli
