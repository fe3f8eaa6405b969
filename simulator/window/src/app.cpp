#include "app.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <thread>
#include <utility>

#include "attune/scoring/utf8.h"
#include "attune/simulator/journal.h"
#include "attune/simulator/players.h"
#include "attune/window/palette.h"
#include "avatar.h"
#include "font.h"

namespace attune::window {
namespace {

constexpr double kFrameMs = 1000.0 / 60.0;
constexpr double kRingFrameMs = 1000.0 / 20.0;  // the silence ring fills slowly: 20 redraws a second
constexpr double kIdleSleepMs = 12;

sf::Event key_event(sf::Keyboard::Key code, bool control = false) {
  sf::Event e;
  e.type = sf::Event::KeyPressed;
  e.key = {code, false, control, false, false};
  return e;
}

sf::Event text_event(sf::Uint32 c) {
  sf::Event e;
  e.type = sf::Event::TextEntered;
  e.text.unicode = c;
  return e;
}

std::string debrief_path(const std::string& screenshot) {
  std::filesystem::path path(screenshot);
  return (path.parent_path() / (path.stem().string() + "-debrief" + path.extension().string())).string();
}

}  // namespace

App::App(const sim::Scenario& scenario, const WindowOptions& options)
    : scenario_(&scenario), options_(options), scripted_(options.script != nullptr) {}

std::optional<std::string> App::open() {
  if (auto problem = load_events()) return problem;
  auto files = find_fonts(options_.runtime_home);
  if (!files) return font_search_help(options_.runtime_home);
  if (!fonts_.regular.loadFromFile(files->regular) || !fonts_.bold.loadFromFile(files->bold))
    return "cannot load the font " + files->regular;
  settings_ = load_settings(options_.settings_path);
  if (auto notice = load_avatar(options_.runtime_home, scenario_->client.avatar, avatar_, has_avatar_))
    notices_.push_back(*notice);
  resources_ = sim::load_crisis_resources(options_.runtime_home);
  sf::ContextSettings context;
  context.antialiasingLevel = 0;
  window_.create(
      sf::VideoMode(1280, 800),
      sf::String::fromUtf8(scenario_->title.begin(), scenario_->title.end()) + sf::String(" \u2014 attune"),
      sf::Style::Default, context);
  window_.setKeyRepeatEnabled(true);
  return std::nullopt;
}

double App::now() const {
  return virtual_clock() ? virtual_ms_ : real_ms();
}

// ---------------------------------------------------------------------------------------------
// The loop

void App::frame() {
  double start = real_ms();
  std::clock_t cpu_start = std::clock();
  sf::Event event;
  while (window_.pollEvent(event)) handle(event);
  settle_journal(false);
  if (scripted_) drive_script();
  if (events_mode_) drive_events();
  if (!window_.isOpen()) return;
  bool moving = animating();
  if (dirty_ || moving) {
    dirty_ = false;
    draw();
    window_.display();
    double end = real_ms();
    stats_.add_frame(end - start, 1000.0 * static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC);
    if (enter_pressed_at_ && !journaling_) {
      stats_.add_reply(end - *enter_pressed_at_);
      enter_pressed_at_.reset();
    }
    if (!virtual_clock()) {
      // A slowly filling ring needs few frames; a fade needs smooth ones.
      double budget = convo_.settled_at() > now() ? kFrameMs : kRingFrameMs;
      double left = budget - (real_ms() - start);
      if (left > 0) rest(left);
    }
  } else if (!virtual_clock() || journaling_) {
    // Nothing moves: sleep between looks at the event queue, well under 1% of a core. (A
    // virtual clock does not wait, except for the disk.)
    rest(kIdleSleepMs);
  }
}

void App::rest(double ms) {
  auto span = std::chrono::microseconds(static_cast<long>(ms * 1000));
  // The client goes on as soon as its turn is safe, not at the end of a frame's sleep.
  if (journaling_) {
    journaling_->done.wait_for(span);
  } else {
    std::this_thread::sleep_for(span);
  }
}

bool App::animating() const {
  if (screen_ != Screen::conversation) return false;
  if (convo_.settled_at() > now()) return true;
  if (session_ && !shown().end && !first_key_at_) {
    double into = now() - line_ready_at_;
    return into >= 0 && into <= shown().space_ms + kRingFrameMs;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Input

void App::handle(const sf::Event& event) {
  // Events that change nothing (a key release after its press) must not cancel the redraw the
  // press asked for when both arrive in the same frame.
  const bool was_dirty = dirty_;
  if (journaling_ && (event.type == sf::Event::KeyPressed || event.type == sf::Event::TextEntered ||
                      event.type == sf::Event::MouseButtonPressed)) {
    held_.push_back(event);
    return;
  }
  dirty_ = true;
  switch (event.type) {
    case sf::Event::Closed:
      // The turn on its way to disk is part of what closing keeps.
      settle_journal(true);
      if (!window_.isOpen()) return;
      if (dialog_.kind == DialogKind::resume) {
        resume_answered_ = true;
        dialog_.kind = DialogKind::none;
        window_.close();
        return;
      }
      // Closing never loses finished turns: a session in progress is saved as incomplete (and
      // one not yet begun, on the intro, leaves no unfinished journal behind to offer later).
      if ((screen_ == Screen::conversation || screen_ == Screen::intro) && session_ && !session_->ended()) {
        save_unfinished();
      } else if (screen_ == Screen::conversation || screen_ == Screen::rating) {
        finish(false);
      }
      screen_ = Screen::closing;
      window_.close();
      return;
    case sf::Event::Resized:
      window_.setView(sf::View(
          sf::FloatRect(0, 0, static_cast<float>(event.size.width), static_cast<float>(event.size.height))));
      return;
    case sf::Event::KeyPressed:
      // The text X11 sends after a key that acted as a command is not typing: Space that began
      // the session or chose in a dialog, or a Ctrl shortcut, would otherwise land in the reply.
      swallow_text_.reset();
      if (event.key.control || event.key.alt || dialog_.kind != DialogKind::none || screen_ == Screen::intro)
        swallow_text_ = key_text(event.key.code, event.key.control, event.key.shift);
      handle_key(event.key);
      return;
    case sf::Event::TextEntered:
      if (auto swallow = std::exchange(swallow_text_, std::nullopt);
          swallow && *swallow == event.text.unicode)
        return;
      if (dialog_.kind == DialogKind::none) handle_text(event.text.unicode);
      return;
    case sf::Event::MouseWheelScrolled: {
      float dy = -event.mouseWheelScroll.delta * 56 * scale();
      if (screen_ == Screen::conversation) convo_.scroll_by(dy);
      if (screen_ == Screen::debrief) debrief_.scroll_by(dy);
      return;
    }
    case sf::Event::MouseMoved: {
      sf::Vector2f point(static_cast<float>(event.mouseMove.x), static_cast<float>(event.mouseMove.y));
      hovered_choice_.reset();
      for (const Target& t : choice_targets_) {
        if (t.rect.contains(point)) hovered_choice_ = t.value;
      }
      if (screen_ == Screen::debrief) debrief_.turn_at(point);
      for (std::size_t i = 0; i < dialog_.rects.size(); ++i) {
        if (dialog_.rects[i].contains(point)) dialog_.selected = static_cast<int>(i);
      }
      return;
    }
    case sf::Event::MouseButtonPressed:
      if (event.mouseButton.button == sf::Mouse::Left)
        handle_click({static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y)});
      return;
    default:
      dirty_ = was_dirty;
      return;
  }
}

void App::scale_text(float delta) {
  float next = std::clamp(std::round((settings_.text_scale + delta) * 10.f) / 10.f, kMinScale, kMaxScale);
  if (next == settings_.text_scale) return;
  settings_.text_scale = next;
  save_settings(options_.settings_path, settings_);
}

void App::handle_key(const sf::Event::KeyEvent& key) {
  using K = sf::Keyboard;
  if (key.control && (key.code == K::Equal || key.code == K::Add)) return scale_text(0.1f);
  if (key.control && (key.code == K::Hyphen || key.code == K::Subtract)) return scale_text(-0.1f);
  if (dialog_.kind != DialogKind::none) return handle_dialog_key(key);
  switch (screen_) {
    case Screen::intro:
      if (key.code == K::Enter || key.code == K::Space) {
        screen_ = Screen::conversation;
        show_node_line();
      } else if (key.code == K::Escape) {
        open_dialog(DialogKind::menu, "Paused", "", {"Resume", "Restart", "Quit"});
      }
      return;
    case Screen::conversation:
      if (key.code == K::Escape)
        return open_dialog(DialogKind::menu, "Paused", "", {"Resume", "Restart", "Quit"});
      if (key.code == K::PageUp) return convo_.page(-1);
      if (key.code == K::PageDown) return convo_.page(1);
      if (key.code == K::Up) return convo_.scroll_by(-40 * scale());
      if (key.code == K::Down) return convo_.scroll_by(40 * scale());
      if (key.control && key.code == K::Home) return convo_.to_start();
      if (key.control && key.code == K::End) return convo_.to_end();
      if (session_->ended()) {
        if (key.code == K::Enter) continue_after_end();
        return;
      }
      if (session_->current().is_choices()) return;
      // Holding silence: Tab or Ctrl+Space passes the turn without a word.
      if ((key.code == K::Tab || (key.control && key.code == K::Space)) && box_.empty()) {
        first_key_at_.reset();  // the silence lasts to the pass
        return submit(sim::TurnInput::silent(quiet_ms()));
      }
      if (key.code == K::Enter) {
        std::string text = to_valid_utf8(to_utf8(from_utf32(box_.text())));
        if (text.find_first_not_of(" \n") == std::string::npos) return;
        enter_pressed_at_ = real_ms();
        return submit(sim::TurnInput::reply(text, quiet_ms()));
      }
      box_changed_ = true;
      if (key.code == K::Backspace) return key.control ? box_.delete_word_back() : box_.backspace();
      if (key.code == K::Delete) return box_.delete_forward();
      if (key.code == K::Left) return box_.left();
      if (key.code == K::Right) return box_.right();
      if (key.code == K::Home) return box_.home();
      if (key.code == K::End) return box_.end();
      return;
    case Screen::rating: {
      int rows = static_cast<int>(scenario_->competencies.size());
      const std::string& id = scenario_->competencies[static_cast<std::size_t>(rating_row_)];
      if (key.code == K::Up) rating_row_ = std::max(0, rating_row_ - 1);
      if (key.code == K::Down) rating_row_ = std::min(rows - 1, rating_row_ + 1);
      if (key.code == K::Left && ratings_.count(id)) ratings_[id] = std::max(1, ratings_[id] - 1);
      if (key.code == K::Right) ratings_[id] = ratings_.count(id) ? std::min(4, ratings_[id] + 1) : 1;
      if (key.code == K::Enter && ratings_.size() == scenario_->competencies.size()) finish(true);
      if (key.code == K::Escape) open_dialog(DialogKind::menu, "Paused", "", {"Resume", "Quit"});
      return;
    }
    case Screen::debrief:
      if (key.code == K::PageUp) return debrief_.page(-1);
      if (key.code == K::PageDown) return debrief_.page(1);
      if (debrief_.retry_offered() && (key.code == K::Up || key.code == K::Down)) {
        return debrief_.select_next(key.code == K::Up ? -1 : 1);
      }
      if (key.code == K::Up) return debrief_.scroll_by(-40 * scale());
      if (key.code == K::Down) return debrief_.scroll_by(40 * scale());
      if (key.code == K::Enter && debrief_.selected()) {
        pending_retry_ = *debrief_.selected();
        return open_dialog(DialogKind::retry, "Retry from turn " + std::to_string(pending_retry_ + 1) + "?",
                           "The turns before it are replayed as you played them, and you continue live from "
                           "there. This attempt is kept as its own record, marked as a retry.",
                           {"Retry from turn " + std::to_string(pending_retry_ + 1), "Cancel"});
      }
      if (key.code == K::Escape || key.code == K::Enter) {
        screen_ = Screen::closing;
        window_.close();
      }
      return;
    case Screen::closing:
      return;
  }
}

void App::handle_text(sf::Uint32 c) {
  if (screen_ == Screen::rating && c >= '1' && c <= '4') {
    ratings_[scenario_->competencies[static_cast<std::size_t>(rating_row_)]] = static_cast<int>(c - '0');
    rating_row_ = std::min(static_cast<int>(scenario_->competencies.size()) - 1, rating_row_ + 1);
    return;
  }
  if (screen_ != Screen::conversation || !session_ || session_->ended()) return;
  const sim::Node& node = session_->current();
  if (node.is_choices()) {
    if (c >= '1' && c <= '9' && static_cast<std::size_t>(c - '0') <= node.choices.size()) {
      first_key_at_ = now();
      enter_pressed_at_ = real_ms();
      submit(sim::TurnInput::pick(static_cast<int>(c - '0'), quiet_ms()));
    }
    return;
  }
  // Control characters come as KeyPressed events; only printable text goes into the box.
  if (c < 32 || c == 127) return;
  if (!first_key_at_) first_key_at_ = now();
  box_.insert(static_cast<char32_t>(c));
  box_changed_ = true;
  convo_.to_end();
}

void App::handle_click(sf::Vector2f point) {
  if (dialog_.kind != DialogKind::none) {
    for (std::size_t i = 0; i < dialog_.rects.size(); ++i) {
      if (dialog_.rects[i].contains(point)) return choose_in_dialog(static_cast<int>(i));
    }
    return;
  }
  if (screen_ == Screen::conversation && session_ && !session_->ended()) {
    for (const Target& t : choice_targets_) {
      if (t.rect.contains(point)) {
        first_key_at_ = now();
        enter_pressed_at_ = real_ms();
        return submit(sim::TurnInput::pick(t.value, quiet_ms()));
      }
    }
  }
  if (screen_ == Screen::conversation && session_ && session_->ended()) {
    for (const Target& t : choice_targets_) {
      if (t.rect.contains(point)) return continue_after_end();
    }
  }
  if (screen_ == Screen::rating) {
    for (const Target& t : rating_targets_) {
      if (!t.rect.contains(point)) continue;
      if (t.value == 0) {
        if (ratings_.size() == scenario_->competencies.size()) finish(true);
      } else {
        rating_row_ = t.row;
        ratings_[scenario_->competencies[static_cast<std::size_t>(t.row)]] = t.value;
      }
    }
  }
  if (screen_ == Screen::debrief) {
    if (auto turn = debrief_.turn_at(point)) {
      pending_retry_ = *turn;
      open_dialog(DialogKind::retry, "Retry from turn " + std::to_string(*turn + 1) + "?",
                  "The turns before it are replayed as you played them, and you continue live from there. "
                  "This attempt is kept as its own record, marked as a retry.",
                  {"Retry from turn " + std::to_string(*turn + 1), "Cancel"});
    }
  }
}

void App::open_dialog(DialogKind kind, std::string title, std::string body,
                      std::vector<std::string> options) {
  dialog_ = Dialog{kind, std::move(title), std::move(body), std::move(options), 0, {}};
}

void App::handle_dialog_key(const sf::Event::KeyEvent& key) {
  int count = static_cast<int>(dialog_.options.size());
  if (key.code == sf::Keyboard::Up || (key.code == sf::Keyboard::Tab && key.shift))
    dialog_.selected = (dialog_.selected + count - 1) % count;
  else if (key.code == sf::Keyboard::Down || key.code == sf::Keyboard::Tab)
    dialog_.selected = (dialog_.selected + 1) % count;
  else if (key.code == sf::Keyboard::Enter || key.code == sf::Keyboard::Space)
    choose_in_dialog(dialog_.selected);
  else if (key.code == sf::Keyboard::Escape && dialog_.kind != DialogKind::resume)
    dialog_.kind = DialogKind::none;  // Esc backs out of any question
}

void App::choose_in_dialog(int option) {
  DialogKind kind = dialog_.kind;
  const std::string chosen = dialog_.options[static_cast<std::size_t>(option)];
  dialog_.kind = DialogKind::none;
  switch (kind) {
    case DialogKind::menu:
      if (chosen == "Restart") request_leave(After::restart);
      if (chosen == "Quit") request_leave(After::quit);
      return;
    case DialogKind::keep:
      if (option == 2) return;  // cancel: back to the session
      leave(pending_after_, option == 0);
      return;
    case DialogKind::retry:
      if (option == 0) retry_from(pending_retry_);
      return;
    case DialogKind::resume:
      resume_answered_ = true;
      if (option + 1 < static_cast<int>(dialog_.options.size()))
        resume_choice_ = static_cast<std::size_t>(option);
      return;
    case DialogKind::none:
      return;
  }
}

// ---------------------------------------------------------------------------------------------
// The session

int App::quiet_ms() const {
  double from = first_key_at_.value_or(now());
  return static_cast<int>(std::lround(std::max(0.0, from - line_ready_at_)));
}

void App::start(std::unique_ptr<sim::Session> session, std::unique_ptr<sim::SessionRecorder> recorder,
                bool intro) {
  if (recorder_) idle_recorder();  // no write of the old session may still be running
  journaling_.reset();
  held_.clear();
  session_ = std::move(session);
  recorder_ = std::move(recorder);
  scenario_ = &session_->scenario();
  shown_node_ = &session_->current();
  convo_.clear();
  box_.clear();
  box_changed_ = true;
  first_key_at_.reset();
  ratings_.clear();
  rating_row_ = 0;
  conversation_captured_ = false;
  debrief_captured_ = false;
  show_history();
  if (intro && session_->turns().empty()) {
    screen_ = Screen::intro;
  } else {
    screen_ = Screen::conversation;
    show_node_line();
  }
}

// A resumed or retried session: what was played so far, shown at once.
void App::show_history() {
  for (const sim::Turn& turn : session_->turns()) {
    convo_.add(MessageKind::client, {para(turn.client, 17, palette::kText)}, now(), true);
    show_turn(turn);
  }
}

void App::show_node_line() {
  const sim::Node& node = session_->current();
  convo_.add(MessageKind::client, {para(node.client, 17, palette::kText)}, now());
  if (node.end) {
    convo_.add(MessageKind::note,
               {para("The session has ended: " +
                         id_words(std::string(sim::outcome_name(*session_->outcome()))) + ".",
                     15, palette::kMuted)},
               now());
  }
  shown_node_ = &node;
  line_ready_at_ = convo_.settled_at();
  first_key_at_.reset();
  convo_.to_end();
}

// The trainee's turn as it shows in the conversation, with the coach note in practice.
void App::show_turn(const sim::Turn& turn) {
  double at = now();
  bool instant = screen_ != Screen::conversation;
  show_response(turn, at, instant);
  show_reaction(turn, at, instant);
}

void App::show_response(const sim::Turn& turn, double at, bool instant) {
  if (turn.kind == sim::TurnKind::silence) {
    char held[64];
    std::snprintf(held, sizeof held, "You held the silence for %.1f s.",
                  turn.silence_ms.value_or(0) / 1000.0);
    convo_.add(MessageKind::note, {para(held, 15, palette::kMuted)}, at, instant);
  } else {
    convo_.add(MessageKind::trainee, {para(turn.response.value_or(""), 17, palette::kText)}, at, instant);
  }
}

// What follows the trainee's words: the coach note in practice, then the client's `say` line.
void App::show_reaction(const sim::Turn& turn, double at, bool instant) {
  if (session_->mode() == sim::SessionMode::practice && turn.feedback) {
    std::vector<Paragraph> note{para("Coach", 13, palette::kCoachAccent, true, 4),
                                para(*turn.feedback, 15, palette::kText)};
    // The evidence, highlighted in the trainee's own words.
    if (turn.response && turn.kind == sim::TurnKind::reply) {
      Paragraph own = para("Your words: \u201c" + *turn.response + "\u201d", 15, palette::kMuted);
      const std::size_t offset = 13;  // code points of "Your words: \u201c"
      for (const auto& code : turn.codes) {
        if (!code.span) continue;
        Span span = code_point_span(*turn.response, code.span->first, code.span->second);
        own.highlights.push_back({span.begin + offset, span.end + offset});
      }
      if (!own.highlights.empty()) note.push_back(std::move(own));
    }
    const sim::Node* node = scenario_->find(turn.node);
    if (node != nullptr && !node->model_responses.empty() &&
        turn.feedback->find("Try instead") == std::string::npos) {
      const auto& model =
          node->model_responses[static_cast<std::size_t>(turn.index) % node->model_responses.size()];
      note.push_back(para("Another way to say it: \u201c" + model + "\u201d", 15, palette::kMuted));
    }
    convo_.add(MessageKind::coach, std::move(note), at, instant);
  }
  if (turn.said) convo_.add(MessageKind::client, {para(*turn.said, 17, palette::kText)}, at, instant);
}

void App::submit(const sim::TurnInput& input) {
  if (auto problem = session_->misfit(input)) return;  // the window offers only what fits
  auto played = session_->submit(input);
  if (options_.realtime) std::cerr << "turn " << played.turn->index << " sent" << std::endl;
  box_.clear();
  box_changed_ = true;
  convo_.to_end();
  show_response(*played.turn, now(), false);
  // Journaled (fsync'd) before the client goes on, so a crash never loses a turn the client
  // answered; on the writer thread, so the window keeps drawing while the disk works.
  auto write = [recorder = &idle_recorder(), turn = *played.turn] { return recorder->turn_played(turn); };
  journaling_ = Journaling{writer_.post(write), *played.turn};
}

void App::settle_journal(bool wait) {
  while (journaling_) {
    if (!wait && journaling_->done.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    // Out of the slot before get(): should the write throw, no spent future is left behind.
    Journaling pending = std::move(*journaling_);
    journaling_.reset();
    std::optional<std::string> error = pending.done.get();
    sim::Turn turn = std::move(pending.turn);
    dirty_ = true;
    if (error) {
      result_.io_error = *error;
      held_.clear();
      screen_ = Screen::closing;
      window_.close();
      return;
    }
    if (options_.realtime) std::cerr << "turn " << turn.index << " saved" << std::endl;
    show_reaction(turn, now(), false);
    show_node_line();
    // What the trainee did meanwhile, in order; it may send the next turn (then, when waiting,
    // this waits for that one too).
    for (const sf::Event& event : std::exchange(held_, {})) {
      if (window_.isOpen()) handle(event);
    }
  }
}

sim::SessionRecorder& App::idle_recorder() {
  if (journaling_) journaling_->done.wait();
  return *recorder_;
}

void App::continue_after_end() {
  if (scenario_->competencies.empty() || scripted_) return finish(false);  // scripted plays do not self-rate
  screen_ = Screen::rating;
}

void App::finish(bool with_rating) {
  std::optional<std::map<std::string, int>> rating;
  if (with_rating && !ratings_.empty()) rating = ratings_;
  auto saved = idle_recorder().finish(*session_, session_->ended(), rating);
  if (!saved.error.empty()) {
    result_.save_error = saved.error;
    result_.unsaved_session = idle_recorder().session_id();
    screen_ = Screen::closing;
    window_.close();
    return;
  }
  result_.saved.push_back({saved.path, saved.record});
  result_.discarded = false;
  last_record_ = saved.record;
  if (!session_->ended()) return;
  // Retry is offered in both modes once the session has ended (an exam withholds it until then).
  debrief_.build(saved.record, *scenario_, resources_, true);
  screen_ = Screen::debrief;
}

void App::save_unfinished() {
  if (session_->turns().empty() && session_->mode() == sim::SessionMode::practice) {
    idle_recorder().discard();
    result_.discarded = true;
    return;
  }
  finish(false);
}

void App::request_leave(After after) {
  bool mid_session = (screen_ == Screen::conversation || screen_ == Screen::intro) && !session_->ended();
  if (mid_session && session_->mode() == sim::SessionMode::practice && !session_->turns().empty()) {
    pending_after_ = after;
    return open_dialog(DialogKind::keep, "Keep this unfinished session?",
                       "It is saved in your records as incomplete, with the turns you played.",
                       {"Keep it", "Discard it", "Cancel"});
  }
  leave(after, true);
}

void App::leave(After after, bool keep) {
  bool mid_session = (screen_ == Screen::conversation || screen_ == Screen::intro) && !session_->ended();
  if (mid_session) {
    // Exam sessions are always kept; an untouched practice session has nothing to keep.
    if (!keep && session_->mode() == sim::SessionMode::practice) {
      idle_recorder().discard();
      result_.discarded = true;
    } else {
      save_unfinished();
    }
  } else if (screen_ != Screen::debrief) {
    finish(false);
  }
  if (!window_.isOpen()) return;
  if (after == After::quit) {
    screen_ = Screen::closing;
    window_.close();
    return;
  }
  auto fresh = std::make_unique<sim::Session>(*scenario_, session_->mode());
  auto recorder = factory_();
  if (auto error = recorder->begin(*fresh)) {
    result_.io_error = *error;
    window_.close();
    return;
  }
  start(std::move(fresh), std::move(recorder), true);
}

void App::retry_from(int turn) {
  sim::JournalContents played;
  const auto& turns = last_record_["turns"];
  for (int i = 0; i < turn && i < static_cast<int>(turns.size()); ++i)
    played.turns.push_back(turns[static_cast<std::size_t>(i)]);
  auto fresh = std::make_unique<sim::Session>(*scenario_, session_->mode());
  if (auto error = sim::replay_journal(*fresh, played)) {
    result_.io_error = "cannot retry: " + *error;
    window_.close();
    return;
  }
  auto recorder = factory_();
  recorder->set_retry_of({last_record_.value("id", ""), turn});
  std::optional<std::string> error = recorder->begin(*fresh);
  for (const sim::Turn& t : fresh->turns()) {
    if (!error) error = recorder->turn_played(t);
  }
  if (error) {
    result_.io_error = *error;
    window_.close();
    return;
  }
  start(std::move(fresh), std::move(recorder), false);
}

// ---------------------------------------------------------------------------------------------
// Public entry points

std::optional<std::size_t> App::offer_resume(const std::vector<sim::UnfinishedSession>& sessions) {
  std::vector<std::string> options;
  for (const auto& s : sessions) {
    // "2026-11-25T13:20:07Z" reads as "2026-11-25 13:20 UTC": short enough for the option's button.
    std::string when =
        s.started.size() >= 16 ? s.started.substr(0, 10) + " " + s.started.substr(11, 5) + " UTC" : s.started;
    options.push_back("Continue from " + when + " (" + std::to_string(s.turns) +
                      (s.turns == 1 ? " turn)" : " turns)"));
  }
  options.push_back("Start a new session");
  open_dialog(DialogKind::resume, "You have an unfinished session of this scenario",
              "It was cut short before it ended. Continue where it stopped, or start again.",
              std::move(options));
  screen_ = Screen::intro;
  resume_answered_ = false;
  resume_choice_.reset();
  // A scripted play never resumes from here: it answers "new session" through the same keys.
  if (scripted_) {
    handle(key_event(sf::Keyboard::Up));
    handle(key_event(sf::Keyboard::Enter));
  }
  while (window_.isOpen() && !resume_answered_) frame();
  return resume_choice_;
}

WindowPlay App::play(std::unique_ptr<sim::Session> session, std::unique_ptr<sim::SessionRecorder> recorder,
                     const WindowPlayer::RecorderFactory& factory) {
  factory_ = factory;
  start(std::move(session), std::move(recorder), true);
  // Closed at the resume offer: the session begun for it was never shown, so nothing is kept
  // (its journal would otherwise be offered as an unfinished session next time).
  if (!window_.isOpen() && session_->turns().empty()) {
    idle_recorder().discard();
    result_.discarded = true;
  }
  while (window_.isOpen()) frame();
  if (options_.frame_stats) result_.frame_stats = stats_.report();
  return result_;
}

// ---------------------------------------------------------------------------------------------
// The script: each line becomes key events, at the virtual moment the line says

void App::script_misfit(const std::string& message) {
  result_.misfit = message;
  virtual_ms_ = std::max(virtual_ms_, convo_.settled_at() + 1);
  if (options_.screenshot && !conversation_captured_) capture(*options_.screenshot);
  // Saved either way, as the headless player does: the turns played before the misfit.
  auto saved = idle_recorder().finish(*session_, session_->ended(), std::nullopt);
  if (saved.error.empty()) {
    result_.saved.push_back({saved.path, saved.record});
  } else {
    result_.save_error = saved.error;
    result_.unsaved_session = idle_recorder().session_id();
  }
  screen_ = Screen::closing;
  window_.close();
}

void App::drive_script() {
  const auto& lines = *options_.script;
  bool bench = options_.bench_from_line && next_line_ > *options_.bench_from_line;
  if (bench && bench_tick_ == 0) stats_ = FrameStats();  // measure only the typing and scrolling
  if (bench && screen_ == Screen::conversation) {
    // Scroll every frame while typing: the frame-time benchmark's workload.
    sf::Event wheel;
    wheel.type = sf::Event::MouseWheelScrolled;
    wheel.mouseWheelScroll = {sf::Mouse::VerticalWheel, (bench_tick_++ / 20) % 2 == 0 ? 1.f : -1.f, 640, 400};
    handle(wheel);
  }
  // The next line answers the client's, which comes once the last turn is journaled.
  if (journaling_) return;
  if (!script_events_.empty()) {
    // The bench types one key a frame, as a person would; otherwise a whole line at once.
    do {
      sf::Event e = script_events_.front();
      script_events_.pop_front();
      handle(e);
    } while (!bench && !script_events_.empty());
    return;
  }
  switch (screen_) {
    case Screen::intro:
      script_events_.push_back(key_event(sf::Keyboard::Enter));
      return;
    case Screen::conversation: {
      if (dialog_.kind != DialogKind::none) return;
      if (session_->ended() || next_line_ >= lines.size()) {
        if (next_line_ < lines.size()) {
          return script_misfit(*sim::scripted_misfit(*session_, lines[next_line_], options_.script_file));
        }
        if (!session_->ended()) {
          return script_misfit(
              sim::scripted_ending_misfit(*session_, options_.script_file, options_.script_last_line));
        }
        if (options_.realtime && now() <= convo_.settled_at()) return;  // the last line still fading in
        virtual_ms_ = std::max(virtual_ms_, convo_.settled_at() + 1);
        if (options_.screenshot && !conversation_captured_) capture(*options_.screenshot);
        conversation_captured_ = true;
        script_events_.push_back(key_event(sf::Keyboard::Enter));
        return;
      }
      const sim::ScriptedLine& line = lines[next_line_];
      if (auto misfit = sim::scripted_misfit(*session_, line, options_.script_file)) {
        ++next_line_;
        return script_misfit(*misfit);
      }
      const sim::TurnInput& input = line.input;
      int space = session_->current().space_ms;
      int quiet = input.kind == sim::TurnKind::silence ? input.silence_ms.value_or(space)
                                                       : input.latency_ms.value_or(space);
      // The first keystroke comes exactly `quiet` after the client's line finished appearing (in
      // real time, at the first frame from then).
      if (options_.realtime && now() < line_ready_at_ + quiet) return;
      virtual_ms_ = line_ready_at_ + quiet;
      ++next_line_;
      if (input.kind == sim::TurnKind::silence) {
        script_events_.push_back(key_event(sf::Keyboard::Tab));
      } else if (input.kind == sim::TurnKind::choice) {
        script_events_.push_back(text_event(static_cast<sf::Uint32>('0' + input.choice)));
      } else {
        sf::String text = from_utf8(input.text);
        for (sf::Uint32 c : text) script_events_.push_back(text_event(c));
        script_events_.push_back(key_event(sf::Keyboard::Enter));
      }
      return;
    }
    case Screen::debrief:
      if (options_.screenshot && !debrief_captured_) capture(debrief_path(*options_.screenshot));
      debrief_captured_ = true;
      script_events_.push_back(key_event(sf::Keyboard::Escape));
      return;
    case Screen::rating:
    case Screen::closing:
      return;
  }
}

void App::capture(const std::string& path) {
  draw();
  sf::Texture texture;
  texture.create(window_.getSize().x, window_.getSize().y);
  texture.update(window_);
  if (!texture.copyToImage().saveToFile(path)) result_.io_error = "cannot write the screenshot " + path;
  dirty_ = true;
}

}  // namespace attune::window
