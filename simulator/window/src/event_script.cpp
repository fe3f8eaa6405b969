#include "event_script.h"

#include <map>
#include <sstream>

#include "attune/simulator/duration.h"

namespace attune::window {
namespace {

using K = sf::Keyboard;

const std::map<std::string, K::Key>& key_names() {
  static const std::map<std::string, K::Key> names = [] {
    std::map<std::string, K::Key> m{{"Escape", K::Escape},
                                    {"Enter", K::Enter},
                                    {"Space", K::Space},
                                    {"Tab", K::Tab},
                                    {"Up", K::Up},
                                    {"Down", K::Down},
                                    {"Left", K::Left},
                                    {"Right", K::Right},
                                    {"Home", K::Home},
                                    {"End", K::End},
                                    {"PageUp", K::PageUp},
                                    {"PageDown", K::PageDown},
                                    {"Backspace", K::Backspace},
                                    {"Delete", K::Delete},
                                    {"Equal", K::Equal},
                                    {"Hyphen", K::Hyphen},
                                    {"Add", K::Add},
                                    {"Subtract", K::Subtract}};
    for (int i = 0; i < 26; ++i)
      m[std::string(1, static_cast<char>('A' + i))] = static_cast<K::Key>(K::A + i);
    for (int i = 0; i < 10; ++i)
      m[std::string(1, static_cast<char>('0' + i))] = static_cast<K::Key>(K::Num0 + i);
    return m;
  }();
  return names;
}

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

std::optional<EventStep> parse_line(const std::string& verb, const std::string& rest, std::string& error) {
  EventStep step;
  if (verb == "key") {
    step.kind = EventStep::Kind::key;
    std::string name = rest;
    for (bool more = true; more;) {
      more = false;
      for (auto [prefix, flag] : {std::pair{"Ctrl+", &step.control}, std::pair{"Shift+", &step.shift}}) {
        if (name.rfind(prefix, 0) == 0 && name.size() > std::string(prefix).size()) {
          *flag = true;
          name = name.substr(std::string(prefix).size());
          more = true;
        }
      }
    }
    auto found = key_names().find(name);
    if (found == key_names().end()) {
      error = "unknown key '" + rest + "'";
      return std::nullopt;
    }
    step.key = found->second;
  } else if (verb == "type") {
    step.kind = EventStep::Kind::type;
    step.text = rest;
  } else if (verb == "wait") {
    step.kind = EventStep::Kind::wait;
    auto ms = sim::parse_duration_ms(rest);
    if (!ms) {
      error = "'" + rest + "' is not a duration";
      return std::nullopt;
    }
    step.ms = *ms;
  } else if (verb == "click") {
    step.kind = EventStep::Kind::click;
    std::istringstream in(rest);
    in >> step.text;
    for (int n; in >> n;) step.numbers.push_back(n);
    static const std::map<std::string, std::size_t> arity{{"dialog", 1},   {"choice", 1},
                                                          {"rating", 2},   {"show-debrief", 0},
                                                          {"continue", 0}, {"debrief-turn", 1}};
    auto target = arity.find(step.text);
    if (target == arity.end() || !in.eof() || step.numbers.size() != target->second) {
      error = "unknown click target '" + rest + "'";
      return std::nullopt;
    }
  } else if (verb == "expect") {
    auto space = rest.find(' ');
    std::string what = rest.substr(0, space);
    step.text = space == std::string::npos ? "" : trim(rest.substr(space));
    if (what != "screen" && what != "dialog") {
      error = "expect screen NAME or expect dialog NAME";
      return std::nullopt;
    }
    step.kind = what == "screen" ? EventStep::Kind::expect_screen : EventStep::Kind::expect_dialog;
  } else if (verb == "close" && rest.empty()) {
    step.kind = EventStep::Kind::close;
  } else {
    error = "unknown action '" + verb + "'";
    return std::nullopt;
  }
  return step;
}

}  // namespace

EventScript parse_event_script(const std::string& text) {
  EventScript script;
  std::istringstream in(text);
  std::string raw;
  for (int number = 1; std::getline(in, raw); ++number) {
    std::string line = trim(raw);
    if (line.empty() || line[0] == '#') continue;
    auto space = line.find(' ');
    std::string verb = line.substr(0, space);
    // `type` keeps its text as written, inner spaces and all.
    std::string rest = space == std::string::npos ? "" : line.substr(space + 1);
    if (verb != "type") rest = trim(rest);
    std::string error;
    auto step = parse_line(verb, rest, error);
    if (!step) {
      script.error = std::to_string(number) + ": " + error;
      return script;
    }
    step->line = number;
    script.steps.push_back(std::move(*step));
  }
  return script;
}

std::optional<char32_t> key_text(sf::Keyboard::Key key, bool control, bool shift) {
  if (key >= K::A && key <= K::Z) {
    auto offset = static_cast<char32_t>(key - K::A);
    return control ? offset + 1 : (shift ? U'A' : U'a') + offset;  // Ctrl+A is U+0001
  }
  if (key >= K::Num0 && key <= K::Num9) return U'0' + static_cast<char32_t>(key - K::Num0);
  switch (key) {
    case K::Space:
      if (control) return std::nullopt;  // Ctrl+Space is NUL, which X11 does not send
      return U' ';
    case K::Equal:
      return shift ? U'+' : U'=';
    case K::Hyphen:
    case K::Subtract:
      return U'-';
    case K::Add:
      return U'+';
    case K::Enter:
      return U'\r';
    case K::Tab:
      return U'\t';
    case K::Escape:
      return U'\x1b';
    case K::Backspace:
      return U'\b';
    case K::Delete:
      return U'\x7f';
    default:
      return std::nullopt;
  }
}

}  // namespace attune::window
