// The window event script: each action becomes the sf::Events a person's keyboard or mouse
// would send, handled by App::handle() like real input, on a virtual clock so that tests never
// wait for the fades and the silence ring.
#include <cstdlib>

#include "app.h"
#include "attune/simulator/file_io.h"

namespace attune::window {
namespace {

sf::Event key_press(const EventStep& step, bool pressed) {
  sf::Event e;
  e.type = pressed ? sf::Event::KeyPressed : sf::Event::KeyReleased;
  e.key = {step.key, false, step.control, step.shift, false};
  return e;
}

sf::Event text(char32_t c) {
  sf::Event e;
  e.type = sf::Event::TextEntered;
  e.text.unicode = static_cast<sf::Uint32>(c);
  return e;
}

sf::Event mouse(sf::Event::EventType type, sf::Vector2f point) {
  sf::Event e;
  e.type = type;
  int x = static_cast<int>(point.x);
  int y = static_cast<int>(point.y);
  if (type == sf::Event::MouseMoved) {
    e.mouseMove = {x, y};
  } else {
    e.mouseButton = {sf::Mouse::Left, x, y};
  }
  return e;
}

sf::Vector2f centre(sf::FloatRect r) {
  return {r.left + r.width / 2, r.top + r.height / 2};
}

}  // namespace

std::optional<std::string> App::load_events() {
  std::string path = options_.events_file;
  if (path.empty()) {
    const char* env = std::getenv("ATTUNE_WINDOW_EVENTS");
    if (env == nullptr || *env == '\0') return std::nullopt;
    path = env;
  }
  auto file = sim::read_file(path, 1 << 20);
  if (!file.text) return "cannot read the window event script: " + file.error;
  events_ = parse_event_script(*file.text);
  if (!events_.error.empty()) return path + ":" + events_.error;
  options_.events_file = path;
  events_mode_ = true;
  return std::nullopt;
}

std::string App::screen_name() const {
  switch (screen_) {
    case Screen::intro:
      return "intro";
    case Screen::conversation:
      return "conversation";
    case Screen::rating:
      return "rating";
    case Screen::debrief:
      return "debrief";
    case Screen::closing:
      return "closing";
  }
  return "";
}

std::string App::dialog_name() const {
  switch (dialog_.kind) {
    case DialogKind::none:
      return "none";
    case DialogKind::menu:
      return "menu";
    case DialogKind::keep:
      return "keep";
    case DialogKind::retry:
      return "retry";
    case DialogKind::resume:
      return "resume";
  }
  return "";
}

void App::events_misfit(const EventStep& step, const std::string& message) {
  result_.misfit = options_.events_file + ":" + std::to_string(step.line) + ": " + message;
  script_events_.clear();
  next_step_ = events_.steps.size();
  // Stopped as a person closing the window would stop: finished turns are kept.
  sf::Event closed;
  closed.type = sf::Event::Closed;
  handle(closed);
}

// Where a click on the step's target lands, from the hit areas the last frame drew.
std::optional<sf::Vector2f> App::click_point(const EventStep& step, std::string& problem) {
  const std::string& what = step.text;
  auto n = step.numbers.empty() ? 0 : step.numbers[0];
  if (what == "dialog") {
    if (dialog_.kind == DialogKind::none || n < 1 || n > static_cast<int>(dialog_.rects.size())) {
      problem = "no dialog option " + std::to_string(n) + " (dialog: " + dialog_name() + ")";
      return std::nullopt;
    }
    return centre(dialog_.rects[static_cast<std::size_t>(n - 1)]);
  }
  if (what == "choice" || what == "continue") {
    bool ended = session_ && session_->ended();
    for (const Target& t : choice_targets_) {
      if (screen_ == Screen::conversation && (what == "continue" ? ended : !ended && t.value == n))
        return centre(t.rect);
    }
    problem = "no " + (what == "continue" ? std::string("continue button") : "choice " + std::to_string(n));
    return std::nullopt;
  }
  if (what == "rating" || what == "show-debrief") {
    int row = what == "rating" ? n - 1 : 0;
    int value = what == "rating" ? step.numbers[1] : 0;
    for (const Target& t : rating_targets_) {
      if (screen_ == Screen::rating && t.row == row && t.value == value) return centre(t.rect);
    }
    problem = "no rating button " + std::to_string(n) + " " + std::to_string(value) +
              " (screen: " + screen_name() + ")";
    return std::nullopt;
  }
  // debrief-turn
  if (screen_ == Screen::debrief) {
    if (auto box = debrief_.turn_box(n - 1)) return centre(*box);
  }
  problem = "no turn " + std::to_string(n) + " to click on the debrief (screen: " + screen_name() + ")";
  return std::nullopt;
}

bool App::queue_step(const EventStep& step) {
  switch (step.kind) {
    case EventStep::Kind::key:
      script_events_.push_back(key_press(step, true));
      if (auto c = key_text(step.key, step.control, step.shift)) script_events_.push_back(text(*c));
      script_events_.push_back(key_press(step, false));
      return true;
    case EventStep::Kind::type:
      for (sf::Uint32 c : from_utf8(step.text)) {
        EventStep unknown;  // non-ASCII keys arrive as Unknown; the text event carries them
        script_events_.push_back(key_press(unknown, true));
        script_events_.push_back(text(c));
        script_events_.push_back(key_press(unknown, false));
      }
      return true;
    case EventStep::Kind::wait:
      virtual_ms_ += step.ms;
      return true;
    case EventStep::Kind::close: {
      sf::Event closed;
      closed.type = sf::Event::Closed;
      script_events_.push_back(closed);
      return true;
    }
    case EventStep::Kind::expect_screen:
      if (screen_name() != step.text)
        events_misfit(step, "expected the " + step.text + " screen, not " + screen_name());
      return true;
    case EventStep::Kind::expect_dialog:
      if (dialog_name() != step.text)
        events_misfit(step, "expected dialog " + step.text + ", not " + dialog_name());
      return true;
    case EventStep::Kind::click: {
      std::string problem;
      auto point = click_point(step, problem);
      if (!point && step.text == "debrief-turn" && screen_ == Screen::debrief &&
          debrief_.has_turn(step.numbers[0] - 1) && debrief_.scroll() != last_debrief_scroll_) {
        // Off screen: scroll towards it with the wheel, as a person would, and try again.
        last_debrief_scroll_ = debrief_.scroll();
        sf::Event wheel;
        wheel.type = sf::Event::MouseWheelScrolled;
        wheel.mouseWheelScroll = {sf::Mouse::VerticalWheel, -3.f, static_cast<int>(size().x / 2),
                                  static_cast<int>(size().y / 2)};
        script_events_.push_back(wheel);
        return false;
      }
      last_debrief_scroll_ = -1;
      if (!point) {
        events_misfit(step, problem);
        return true;
      }
      script_events_.push_back(mouse(sf::Event::MouseMoved, *point));
      script_events_.push_back(mouse(sf::Event::MouseButtonPressed, *point));
      script_events_.push_back(mouse(sf::Event::MouseButtonReleased, *point));
      return true;
    }
  }
  return true;
}

void App::drive_events() {
  // A person answers the client's next line, which comes once the last turn is journaled.
  if (journaling_ && script_events_.empty()) return;
  if (script_events_.empty()) {
    if (next_step_ >= events_.steps.size()) {
      // The script has run out: the person closes the window.
      sf::Event closed;
      closed.type = sf::Event::Closed;
      script_events_.push_back(closed);
    } else {
      // A person lets the client's line appear before acting on it.
      virtual_ms_ = std::max(virtual_ms_, convo_.settled_at());
      const EventStep& step = events_.steps[next_step_];
      if (queue_step(step) && next_step_ < events_.steps.size()) ++next_step_;
    }
  }
  // One action's events arrive together, as X11 delivers a key's press, text and release.
  while (!script_events_.empty() && window_.isOpen()) {
    sf::Event e = script_events_.front();
    script_events_.pop_front();
    handle(e);
  }
}

}  // namespace attune::window
