#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "attune/simulator/players.h"

namespace attune::sim {
namespace {

using Clock = std::chrono::steady_clock;

int elapsed_ms(Clock::time_point since) {
  return static_cast<int>(
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - since).count());
}

class StreamLines : public LineSource {
 public:
  StreamLines(std::istream& in, std::ostream& out) : in_(in), out_(out) {}
  std::optional<TypedLine> read(const std::string& prompt) override {
    out_ << prompt << std::flush;
    auto shown = Clock::now();
    std::string text;
    if (!std::getline(in_, text)) return std::nullopt;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    return TypedLine{text, elapsed_ms(shown)};
  }

 private:
  std::istream& in_;
  std::ostream& out_;
};

// Raw mode: no echo, no line buffering, so the first keystroke can be timed; we echo and edit.
class TerminalLines : public LineSource {
 public:
  explicit TerminalLines(std::ostream& out) : out_(out) {}

  std::optional<TypedLine> read(const std::string& prompt) override {
    out_ << prompt << std::flush;
    termios saved{};
    if (::tcgetattr(STDIN_FILENO, &saved) != 0) return StreamLines(std::cin, out_).read("");
    termios raw = saved;
    raw.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO));
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    ::tcsetattr(STDIN_FILENO, TCSANOW, &raw);
    auto shown = Clock::now();
    std::optional<int> first_key_ms;
    std::string text;
    bool eof = false;
    while (true) {
      char c = 0;
      ssize_t n = ::read(STDIN_FILENO, &c, 1);
      if (n <= 0) {
        eof = true;
        break;
      }
      if (!first_key_ms) first_key_ms = elapsed_ms(shown);
      if (c == '\n' || c == '\r') break;
      if (c == 4) {  // Ctrl-D
        if (text.empty()) {
          eof = true;
          break;
        }
        continue;
      }
      if (c == 127 || c == 8) {
        // Remove one whole UTF-8 character.
        while (!text.empty() && (static_cast<unsigned char>(text.back()) >> 6) == 0x2) text.pop_back();
        if (!text.empty()) {
          text.pop_back();
          out_ << "\b \b" << std::flush;
        }
        continue;
      }
      if (c == 21) {  // Ctrl-U
        for (std::size_t i = 0; i < text.size(); ++i) {
          if ((static_cast<unsigned char>(text[i]) >> 6) != 0x2) out_ << "\b \b";
        }
        out_ << std::flush;
        text.clear();
        continue;
      }
      if (c == 27) {  // escape sequences (arrows): skip "[X" or "OX"
        char seq[2];
        if (::read(STDIN_FILENO, &seq[0], 1) == 1 && ::read(STDIN_FILENO, &seq[1], 1) == 1 && seq[1] >= '0' &&
            seq[1] <= '9') {
          char tail = 0;
          while (::read(STDIN_FILENO, &tail, 1) == 1 && tail != '~') {
          }
        }
        continue;
      }
      if (static_cast<unsigned char>(c) < 32) continue;
      text += c;
      out_ << c << std::flush;
    }
    ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    out_ << "\n" << std::flush;
    if (eof && text.empty()) return std::nullopt;
    return TypedLine{text, first_key_ms.value_or(elapsed_ms(shown))};
  }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<LineSource> stream_lines(std::istream& in, std::ostream& out) {
  return std::make_unique<StreamLines>(in, out);
}

std::unique_ptr<LineSource> terminal_lines(std::ostream& out) {
  if (!::isatty(STDIN_FILENO)) return nullptr;
  return std::make_unique<TerminalLines>(out);
}

}  // namespace attune::sim
