// `attune key show`: the programme key, for a supervisor to set as $ATTUNE_KEY on trainees'
// machines so that records signed there verify here (PRODUCT.md, "Moving records between machines").
#include <iostream>

#include "attune/simulator/records.h"
#include "commands.h"

namespace attune::cli {

int run_key_show() {
  auto key = sim::programme_key();
  if (!key.error.empty()) {
    std::cerr << "attune key show: cannot read the programme key: " << key.error << "\n";
    return kUsageOrIo;
  }
  std::cout << key.key << "\n";
  return kDone;
}

}  // namespace attune::cli
