// A window event script: what a person does at the window, one action a line, for tests that
// drive the menus, dialogs, self-rating, retry and resume flows without a person. Each action
// becomes the sf::Events a real keyboard or mouse would send, handled by the same App::handle().
//
//   # a comment; blank lines are ignored
//   key Escape                 a key press (Ctrl+, Shift+ prefixes: key Ctrl+Equal); the text
//                              event X11 sends after it (' ' for Space, '=' for Equal...) follows
//   type It sounds hard.       typed text, one key press and text event a character
//   wait 5s                    the session clock moves on (virtual time: nothing sleeps)
//   click dialog 2             a click on a target: dialog N, choice N, rating ROW VALUE,
//                              show-debrief, continue, debrief-turn N (1-based, as shown)
//   expect screen rating       stop with an error unless the window shows this screen
//   expect dialog keep         ... or this dialog (menu, keep, retry, resume, none)
//   close                      the window's close button
//
// When the script runs out the window is closed, as a person would close it.
#pragma once

#include <SFML/Window/Keyboard.hpp>
#include <optional>
#include <string>
#include <vector>

namespace attune::window {

struct EventStep {
  enum class Kind { key, type, wait, click, expect_screen, expect_dialog, close };
  Kind kind = Kind::key;
  int line = 0;
  sf::Keyboard::Key key = sf::Keyboard::Unknown;
  bool control = false;
  bool shift = false;
  std::string text;          // type: the text; click: the target; expect: the name
  std::vector<int> numbers;  // click: its 1-based arguments
  int ms = 0;                // wait
};

struct EventScript {
  std::vector<EventStep> steps;
  std::string error;  // "LINE: message" for the first line that is not an action
};

EventScript parse_event_script(const std::string& text);

// The character X11 sends as a TextEntered event after this key press, if any.
std::optional<char32_t> key_text(sf::Keyboard::Key key, bool control, bool shift);

}  // namespace attune::window
