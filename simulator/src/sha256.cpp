#include "attune/simulator/sha256.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/params.h>

#include <array>
#include <string>

namespace attune::sim {
namespace {

std::string to_hex(const unsigned char* bytes, unsigned int length) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out += kDigits[bytes[i] >> 4];
    out += kDigits[bytes[i] & 0xF];
  }
  return out;
}

// One HMAC context per thread, keyed once and re-initialised per text: report and verify check
// hundreds of thousands of short texts under one key, and setting up a MAC from nothing costs
// more than hashing a kilobyte.
class ThreadHmac {
 public:
  ThreadHmac() = default;
  ThreadHmac(const ThreadHmac&) = delete;
  ThreadHmac& operator=(const ThreadHmac&) = delete;
  ~ThreadHmac() {
    EVP_MAC_CTX_free(context_);
    EVP_MAC_free(mac_);
  }

  // False when OpenSSL could not do it this way (the caller then uses the one-shot HMAC).
  bool compute(std::string_view key, std::string_view data, unsigned char* out, std::size_t* length) {
    if (key.empty()) return false;  // a null key means "the same key again" to EVP_MAC_init
    if (context_ == nullptr) {
      mac_ = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
      context_ = mac_ != nullptr ? EVP_MAC_CTX_new(mac_) : nullptr;
      if (context_ == nullptr) return false;
    }
    bool same_key = keyed_ && key == key_;
    char digest_name[] = "SHA256";
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string("digest", digest_name, 0),
                           OSSL_PARAM_construct_end()};
    bool ok =
        (same_key ? EVP_MAC_init(context_, nullptr, 0, nullptr)
                  : EVP_MAC_init(context_, reinterpret_cast<const unsigned char*>(key.data()), key.size(),
                                 params)) == 1 &&
        EVP_MAC_update(context_, reinterpret_cast<const unsigned char*>(data.data()), data.size()) == 1 &&
        EVP_MAC_final(context_, out, length, EVP_MAX_MD_SIZE) == 1;
    keyed_ = ok;
    if (ok && !same_key) key_.assign(key);
    return ok;
  }

 private:
  EVP_MAC* mac_ = nullptr;
  EVP_MAC_CTX* context_ = nullptr;
  std::string key_;
  bool keyed_ = false;
};

thread_local ThreadHmac thread_hmac;

}  // namespace

std::string sha256_hex(std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha256(), nullptr);
  return to_hex(digest.data(), length);
}

std::string hmac_sha256_hex(std::string_view key, std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  std::size_t length = 0;
  if (!thread_hmac.compute(key, data, digest.data(), &length)) {
    unsigned int one_shot = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest.data(), &one_shot);
    length = one_shot;
  }
  return to_hex(digest.data(), static_cast<unsigned int>(length));
}

}  // namespace attune::sim
