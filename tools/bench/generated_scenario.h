// Large synthetic scenarios for benchmarks: N nodes in a chain, each with a 20-word client
// line, 3 rules and 2 model responses (PRODUCT.md's check benchmark).
#pragma once

#include <string>

namespace attune::bench {

std::string generated_scenario(int nodes);

}  // namespace attune::bench
