#include "attune/scoring/coder.h"

namespace attune::scoring {

std::string_view coder_version() {
  static const std::string version = std::string(kCoderVersion) + "+" + ATTUNE_CODER_FINGERPRINT;
  return version;
}

}  // namespace attune::scoring
