// Hashes for records' integrity, from OpenSSL's libcrypto.
#pragma once

#include <string>
#include <string_view>

namespace attune::sim {

std::string sha256_hex(std::string_view data);                             // lower-case hex
std::string hmac_sha256_hex(std::string_view key, std::string_view data);  // lower-case hex

}  // namespace attune::sim
