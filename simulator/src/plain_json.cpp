#include "attune/simulator/plain_json.h"

#include <charconv>
#include <cstdint>

namespace attune::sim {
namespace {

using nlohmann::json;

constexpr int kMaxDepth = 64;

class Reader {
 public:
  explicit Reader(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  bool document(json& out) {
    if (!value(out, 0)) return false;
    skip_space();
    return p_ == end_;
  }

 private:
  const char* p_;
  const char* end_;

  void skip_space() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  bool literal(std::string_view word) {
    if (static_cast<std::size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word)
      return false;
    p_ += word.size();
    return true;
  }

  bool value(json& out, int depth) {
    skip_space();
    if (p_ == end_) return false;
    switch (*p_) {
      case '{':
        return object(out, depth + 1);
      case '[':
        return array(out, depth + 1);
      case '"': {
        std::string text;
        if (!string(text)) return false;
        out = std::move(text);
        return true;
      }
      case 't':
        out = true;
        return literal("true");
      case 'f':
        out = false;
        return literal("false");
      case 'n':
        out = nullptr;
        return literal("null");
      default:
        return number(out);
    }
  }

  bool object(json& out, int depth) {
    if (depth > kMaxDepth) return false;
    ++p_;  // '{'
    out = json::object();
    auto& members = out.get_ref<json::object_t&>();
    skip_space();
    if (p_ != end_ && *p_ == '}') {
      ++p_;
      return true;
    }
    while (true) {
      skip_space();
      std::string key;
      if (p_ == end_ || *p_ != '"' || !string(key)) return false;
      skip_space();
      if (p_ == end_ || *p_ != ':') return false;
      ++p_;
      json member;
      if (!value(member, depth)) return false;
      // attune writes keys sorted, so the hint makes each insertion constant time.
      std::size_t before = members.size();
      members.emplace_hint(members.end(), std::move(key), std::move(member));
      if (members.size() == before) return false;  // a duplicate key: nlohmann keeps the last
      skip_space();
      if (p_ == end_) return false;
      if (*p_ == '}') {
        ++p_;
        return true;
      }
      if (*p_ != ',') return false;
      ++p_;
    }
  }

  bool array(json& out, int depth) {
    if (depth > kMaxDepth) return false;
    ++p_;  // '['
    out = json::array();
    auto& items = out.get_ref<json::array_t&>();
    skip_space();
    if (p_ != end_ && *p_ == ']') {
      ++p_;
      return true;
    }
    while (true) {
      items.emplace_back();
      if (!value(items.back(), depth)) return false;
      skip_space();
      if (p_ == end_) return false;
      if (*p_ == ']') {
        ++p_;
        return true;
      }
      if (*p_ != ',') return false;
      ++p_;
    }
  }

  static bool continuation(unsigned char c) { return c >= 0x80 && c <= 0xBF; }

  // One UTF-8 sequence starting at p_ (a byte >= 0x80), by RFC 3629's table, as nlohmann checks.
  bool utf8(std::string& out) {
    auto byte = [&](std::ptrdiff_t i) -> unsigned char {
      return p_ + i < end_ ? static_cast<unsigned char>(p_[i]) : 0;
    };
    unsigned char c = byte(0);
    int length = 0;
    bool ok = false;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
      ok = continuation(byte(1));
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
      unsigned char hi = c == 0xED ? 0x9F : 0xBF;
      ok = byte(1) >= lo && byte(1) <= hi && continuation(byte(2));
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
      unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;
      ok = byte(1) >= lo && byte(1) <= hi && continuation(byte(2)) && continuation(byte(3));
    }
    if (!ok) return false;
    out.append(p_, static_cast<std::size_t>(length));
    p_ += length;
    return true;
  }

  bool string(std::string& out) {
    ++p_;  // '"'
    while (true) {
      const char* run = p_;
      while (p_ != end_ && *p_ != '"' && *p_ != '\\' && static_cast<unsigned char>(*p_) >= 0x20 &&
             static_cast<unsigned char>(*p_) < 0x80)
        ++p_;
      out.append(run, static_cast<std::size_t>(p_ - run));
      if (p_ == end_) return false;
      char c = *p_;
      if (c == '"') {
        ++p_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) return false;  // a raw control character
      if (c != '\\') {
        if (!utf8(out)) return false;
        continue;
      }
      if (++p_ == end_) return false;
      switch (*p_) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        default:
          return false;  // \u (and anything invalid) is left to nlohmann
      }
      ++p_;
    }
  }

  static bool digit(char c) { return c >= '0' && c <= '9'; }

  // JSON's number grammar; integers as nlohmann reads them (unsigned unless negative).
  bool number(json& out) {
    const char* begin = p_;
    bool negative = p_ != end_ && *p_ == '-';
    if (negative) ++p_;
    if (p_ == end_ || !digit(*p_)) return false;
    if (*p_ == '0') {
      ++p_;
    } else {
      while (p_ != end_ && digit(*p_)) ++p_;
    }
    bool integer = true;
    if (p_ != end_ && *p_ == '.') {
      integer = false;
      if (++p_ == end_ || !digit(*p_)) return false;
      while (p_ != end_ && digit(*p_)) ++p_;
    }
    if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
      integer = false;
      ++p_;
      if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (p_ == end_ || !digit(*p_)) return false;
      while (p_ != end_ && digit(*p_)) ++p_;
    }
    if (integer && !negative) {
      std::uint64_t value = 0;
      auto [at, error] = std::from_chars(begin, p_, value);
      if (error != std::errc() || at != p_) return false;
      out = static_cast<json::number_unsigned_t>(value);
      return true;
    }
    if (integer) {
      std::int64_t value = 0;
      auto [at, error] = std::from_chars(begin, p_, value);
      if (error != std::errc() || at != p_) return false;
      out = static_cast<json::number_integer_t>(value);
      return true;
    }
    double value = 0;
    auto [at, error] = std::from_chars(begin, p_, value);
    if (error != std::errc() || at != p_) return false;
    out = value;
    return true;
  }
};

}  // namespace

std::optional<json> parse_plain_json(std::string_view text) {
  json out;
  Reader reader(text);
  if (!reader.document(out)) return std::nullopt;
  return out;
}

}  // namespace attune::sim
