#include <signal.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <iostream>

#include "attune/simulator/players.h"

namespace attune::sim {
namespace {

using Clock = std::chrono::steady_clock;

// A reply longer than this is cut: nobody types 64 KiB, but a pipe can send endless bytes.
constexpr std::size_t kMaxLineBytes = 64 * 1024;

volatile sig_atomic_t g_stop_requested = 0;

void request_stop(int) {
  g_stop_requested = 1;
}

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
    char c = 0;
    bool any = false;
    while (in_.get(c)) {
      any = true;
      if (c == '\n') break;
      if (text.size() < kMaxLineBytes) text += c;
    }
    if (!any) return std::nullopt;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    return TypedLine{text, elapsed_ms(shown)};
  }

 private:
  std::istream& in_;
  std::ostream& out_;
};

// Puts the terminal back however the read ends.
class RawMode {
 public:
  RawMode() {
    ok_ = ::tcgetattr(STDIN_FILENO, &saved_) == 0;
    if (!ok_) return;
    termios raw = saved_;
    // No ISIG: Ctrl-C arrives as a byte and ends the session the way /quit does, with the record saved.
    raw.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO | ISIG));
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    ::tcsetattr(STDIN_FILENO, TCSANOW, &raw);
  }
  ~RawMode() {
    if (ok_) ::tcsetattr(STDIN_FILENO, TCSANOW, &saved_);
  }
  RawMode(const RawMode&) = delete;
  RawMode& operator=(const RawMode&) = delete;
  bool ok() const { return ok_; }

 private:
  termios saved_{};
  bool ok_ = false;
};

// Raw mode: no echo, no line buffering, so the first keystroke can be timed; we echo and edit.
class TerminalLines : public LineSource {
 public:
  explicit TerminalLines(std::ostream& out) : out_(out) {}

  std::optional<TypedLine> read(const std::string& prompt) override {
    out_ << prompt << std::flush;
    if (g_stop_requested) return std::nullopt;
    RawMode raw;
    if (!raw.ok()) return StreamLines(std::cin, out_).read("");
    auto shown = Clock::now();
    std::optional<int> first_key_ms;
    std::string text;
    while (true) {
      auto c = next_byte();
      if (!c) {
        out_ << "\n" << std::flush;
        if (text.empty()) return std::nullopt;
        break;
      }
      if (!first_key_ms) first_key_ms = elapsed_ms(shown);
      if (*c == '\n' || *c == '\r') break;
      if (*c == 3) {  // Ctrl-C
        out_ << "^C\n" << std::flush;
        return TypedLine{"/quit", elapsed_ms(shown)};
      }
      if (*c == 4) {  // Ctrl-D
        if (text.empty()) {
          out_ << "\n" << std::flush;
          return std::nullopt;
        }
        continue;
      }
      if (*c == 127 || *c == 8) {
        erase_last_character(text);
        continue;
      }
      if (*c == 21) {  // Ctrl-U
        while (!text.empty()) erase_last_character(text);
        continue;
      }
      if (*c == 27) {
        skip_escape_sequence();
        continue;
      }
      if (static_cast<unsigned char>(*c) < 32 || text.size() >= kMaxLineBytes) continue;
      text += *c;
      out_ << *c << std::flush;
    }
    out_ << "\n" << std::flush;
    return TypedLine{text, first_key_ms.value_or(elapsed_ms(shown))};
  }

 private:
  // nullopt at end of input, or when a hang-up or termination signal asks us to stop.
  std::optional<char> next_byte() {
    while (!g_stop_requested) {
      char c = 0;
      ssize_t n = ::read(STDIN_FILENO, &c, 1);
      if (n == 1) return c;
      if (n == 0 || errno != EINTR) return std::nullopt;
    }
    return std::nullopt;
  }

  void erase_last_character(std::string& text) {
    while (!text.empty() && (static_cast<unsigned char>(text.back()) >> 6) == 0x2) text.pop_back();
    if (text.empty()) return;
    text.pop_back();
    out_ << "\b \b" << std::flush;
  }

  // Arrow and function keys: ESC [ params final (final byte 0x40-0x7E), or ESC O x.
  void skip_escape_sequence() {
    auto introducer = next_byte();
    if (introducer == '[') {
      while (auto c = next_byte()) {
        if (*c >= 0x40 && *c <= 0x7E) break;
      }
    } else if (introducer == 'O') {
      next_byte();
    }
  }

  std::ostream& out_;
};

}  // namespace

std::unique_ptr<LineSource> stream_lines(std::istream& in, std::ostream& out) {
  return std::make_unique<StreamLines>(in, out);
}

std::unique_ptr<LineSource> terminal_lines(std::ostream& out) {
  if (!::isatty(STDIN_FILENO)) return nullptr;
  // A closed terminal or a kill ends the read instead of the process, so the session is saved.
  struct sigaction action {};
  action.sa_handler = request_stop;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: read() returns EINTR
  ::sigaction(SIGHUP, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
  ::signal(SIGPIPE, SIG_IGN);
  return std::make_unique<TerminalLines>(out);
}

}  // namespace attune::sim
