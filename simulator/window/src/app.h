// The window player's state and event loop. Every input, real or scripted, goes through
// handle(): a scripted trainee's lines become the same key events a person would type.
#pragma once

#include <SFML/Graphics.hpp>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "attune/simulator/debrief.h"
#include "attune/window/window_player.h"
#include "conversation_view.h"
#include "debrief_view.h"
#include "draw_list.h"
#include "event_script.h"
#include "frame_stats.h"
#include "record_writer.h"
#include "settings.h"
#include "text_block.h"
#include "text_box.h"

namespace attune::window {

class App {
 public:
  App(const sim::Scenario& scenario, const WindowOptions& options);
  // Loads fonts and opens the window; an error message when it cannot.
  std::optional<std::string> open();
  // What the trainee should know that does not stop the window (an avatar that cannot be shown).
  const std::vector<std::string>& notices() const { return notices_; }

  std::optional<std::size_t> offer_resume(const std::vector<sim::UnfinishedSession>& sessions);
  WindowPlay play(std::unique_ptr<sim::Session> session, std::unique_ptr<sim::SessionRecorder> recorder,
                  const WindowPlayer::RecorderFactory& factory);

 private:
  enum class Screen { intro, conversation, rating, debrief, closing };
  enum class DialogKind { none, menu, keep, retry, resume };
  enum class After { quit, restart };
  struct Dialog {
    DialogKind kind = DialogKind::none;
    std::string title;
    std::string body;
    std::vector<std::string> options;
    int selected = 0;
    std::vector<sf::FloatRect> rects;
  };
  struct Target {
    sf::FloatRect rect;
    int value = 0;
    int row = 0;
  };

  // The loop.
  void frame();
  double now() const;  // the session clock: real time, or the script's virtual time
  bool virtual_clock() const { return (scripted_ && !options_.realtime) || events_mode_; }
  double real_ms() const { return static_cast<double>(real_.getElapsedTime().asMicroseconds()) / 1000.0; }
  bool animating() const;
  // Sleeps up to `ms`, or less when a journal write finishes meanwhile.
  void rest(double ms);

  // Input.
  void handle(const sf::Event& event);
  void handle_key(const sf::Event::KeyEvent& key);
  void handle_text(sf::Uint32 c);
  void handle_click(sf::Vector2f point);
  void handle_dialog_key(const sf::Event::KeyEvent& key);
  void choose_in_dialog(int option);
  void scale_text(float delta);

  // The session.
  void start(std::unique_ptr<sim::Session> session, std::unique_ptr<sim::SessionRecorder> recorder,
             bool intro);
  void show_history();
  void show_node_line();
  void show_turn(const sim::Turn& turn);
  void show_response(const sim::Turn& turn, double at, bool instant);
  void show_reaction(const sim::Turn& turn, double at, bool instant);
  void submit(const sim::TurnInput& input);
  // The client goes on once the writer reports the turn durable; `wait` blocks until it has.
  void settle_journal(bool wait);
  // Every use of the recorder on this thread goes through here: it waits out a write in flight,
  // so the writer thread and this one never use the recorder at once.
  sim::SessionRecorder& idle_recorder();
  // The node whose line is on screen: the session moves on when a turn is submitted, the screen
  // only when the turn is journaled.
  const sim::Node& shown() const { return *shown_node_; }
  void continue_after_end();
  void finish(bool with_rating);
  void save_unfinished();  // quitting or closing mid-session: kept as incomplete
  void request_leave(After after);
  void leave(After after, bool keep);
  void retry_from(int turn);
  void open_dialog(DialogKind kind, std::string title, std::string body, std::vector<std::string> options);
  int quiet_ms() const;

  // The script.
  void drive_script();
  void script_misfit(const std::string& message);
  void capture(const std::string& path);

  // The event script (app_events.cpp).
  std::optional<std::string> load_events();
  void drive_events();
  bool queue_step(const EventStep& step);  // false: the step must wait a frame (scrolled first)
  std::optional<sf::Vector2f> click_point(const EventStep& step, std::string& problem);
  void events_misfit(const EventStep& step, const std::string& message);
  std::string screen_name() const;
  std::string dialog_name() const;

  // Drawing.
  void draw();
  float header_height();  // lays out the header's text, which decides it
  float input_height() const;
  void draw_header();
  void draw_input(float top);
  // What stays put below the conversation (panel, box outline, buttons, hints), recorded into
  // input_layer_ when it changes, and the empty box's placeholder into its own list; the frame
  // adds the typed text, caret and silence ring.
  void draw_input_chrome(DrawList& target, DrawList& placeholder, float top, float progress);
  void draw_caret(sf::FloatRect box);
  sf::CircleShape silence_track(sf::Vector2f centre, float radius) const;
  sf::VertexArray silence_arc(sf::Vector2f centre, float radius, float progress) const;
  void draw_intro();
  void draw_rating();
  void draw_dialog();
  void draw_footer(const std::string& hint);
  sf::Text label(const std::string& text, float size, sf::Color colour, bool bold = false) const;
  float scale() const { return settings_.text_scale; }
  sf::Vector2f size() const { return sf::Vector2f(window_.getSize()); }

  const sim::Scenario* scenario_;  // the session's (a resumed one plays its kept copy)
  WindowOptions options_;
  WindowSettings settings_;
  sf::RenderWindow window_;
  Fonts fonts_;
  sf::Texture avatar_;
  bool has_avatar_ = false;
  std::vector<std::string> notices_;
  std::vector<sim::CrisisResource> resources_;
  sf::Clock real_;
  FrameStats stats_;

  std::unique_ptr<sim::Session> session_;
  std::unique_ptr<sim::SessionRecorder> recorder_;
  WindowPlayer::RecorderFactory factory_;
  WindowPlay result_;
  nlohmann::json last_record_;

  Screen screen_ = Screen::intro;
  Dialog dialog_;
  std::optional<std::size_t> resume_choice_;
  bool resume_answered_ = false;
  After pending_after_ = After::quit;
  int pending_retry_ = 0;

  ConversationView convo_;
  TextBoxModel box_;
  TextBlock box_block_;
  bool box_changed_ = true;
  std::uint64_t box_version_ = 0;  // counts the box's edits, so the caret is measured once per edit
  std::tuple<std::uint64_t, float, float> caret_for_{~std::uint64_t{0}, 0.f, 0.f};  // version, width, scale
  sf::Vector2f caret_at_;  // from the text's top left
  std::optional<double> first_key_at_;
  double line_ready_at_ = 0;
  std::vector<Target> choice_targets_;
  std::optional<int> hovered_choice_;
  TextBlock header_block_;
  std::string header_mood_;
  DrawList header_layer_;
  std::string header_key_;
  DrawList input_layer_;
  DrawList placeholder_layer_;
  std::string input_key_;

  std::map<std::string, int> ratings_;
  int rating_row_ = 0;
  std::vector<Target> rating_targets_;

  DebriefView debrief_;
  bool dirty_ = true;
  std::optional<double> enter_pressed_at_;  // real ms, until the reply is on screen

  // Scripted play.
  bool scripted_ = false;
  double virtual_ms_ = 0;
  std::size_t next_line_ = 0;
  std::deque<sf::Event> script_events_;
  bool conversation_captured_ = false;
  bool debrief_captured_ = false;
  int bench_tick_ = 0;

  // The event script.
  bool events_mode_ = false;
  EventScript events_;
  std::size_t next_step_ = 0;
  float last_debrief_scroll_ = -1;
  // A key press the window acted on (Space, a Ctrl shortcut) must not also type the text event
  // X11 sends after it: Space choosing "Resume" would put a space in the reply.
  std::optional<char32_t> swallow_text_;  // the text such a key sends, to be dropped

  // The turn on its way to the journal, and the trainee's keys and clicks that came meanwhile:
  // they are handled, in order, once the client has gone on (they may answer its line).
  struct Journaling {
    std::future<std::optional<std::string>> done;
    sim::Turn turn;
  };
  std::optional<Journaling> journaling_;
  std::deque<sf::Event> held_;
  const sim::Node* shown_node_ = nullptr;
  // Last, so it is destroyed first: it finishes its queued writes while the recorder they use
  // still exists.
  RecordWriter writer_;
};

}  // namespace attune::window
