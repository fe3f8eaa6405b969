#include <charconv>
#include <ostream>

#include "attune/scoring/utf8.h"
#include "attune/simulator/feedback.h"
#include "attune/simulator/players.h"

namespace attune::sim {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

void show_client_line(std::ostream& out, const Scenario& scenario, const Node& node) {
  out << "\n" << scenario.client.name << " (" << mood_name(node.mood) << "): " << node.client << "\n";
}

void show_prompt_help(std::ostream& out, const Node& node) {
  if (node.is_choices()) {
    for (std::size_t i = 0; i < node.choices.size(); ++i)
      out << "  " << i + 1 << ") " << node.choices[i].text << "\n";
    out << "Type a number from 1 to " << node.choices.size() << " and press Enter; /quit ends the session.\n";
  } else {
    out << "Type your reply and press Enter. An empty line or /silence holds silence; /quit ends the "
           "session.\n";
  }
}

std::optional<std::map<std::string, int>> ask_self_rating(const Scenario& scenario, LineSource& lines,
                                                          std::ostream& out) {
  if (scenario.competencies.empty()) return std::nullopt;
  out << "\nBefore you see your scores: rate yourself from 1 (not yet) to 4 (proficient) on each focus "
         "skill.\n";
  std::map<std::string, int> ratings;
  for (const auto& competency : scenario.competencies) {
    std::string name = competency;
    for (char& c : name) c = c == '_' ? ' ' : c;
    while (true) {
      auto line = lines.read("  " + name + " (1-4): ");
      if (!line) return ratings.empty() ? std::nullopt : std::optional(ratings);
      if (line->text.size() == 1 && line->text[0] >= '1' && line->text[0] <= '4') {
        ratings[competency] = line->text[0] - '0';
        break;
      }
      out << "  Please type 1, 2, 3 or 4.\n";
    }
  }
  return ratings;
}

}  // namespace

TerminalPlay play_terminal(Session& session, SessionRecorder& recorder, LineSource& lines, std::ostream& out,
                           const TerminalOptions& options) {
  TerminalPlay play;
  const Scenario& scenario = session.scenario();
  out << scenario.title << "\n";
  if (!scenario.summary.empty()) out << scenario.summary << "\n";
  if (!scenario.content_note.empty()) out << "Content note: " << scenario.content_note << "\n";
  out << "You are talking with " << scenario.client.name << ". Mode: " << session_mode_name(session.mode())
      << ".\n";
  if (!scenario.client.persona.empty())
    out << "About " << scenario.client.name << ": " << scenario.client.persona << "\n";
  bool quit = false;
  bool first = true;
  while (!session.ended() && !quit) {
    const Node& node = session.current();
    show_client_line(out, scenario, node);
    if (first || !options.plain) show_prompt_help(out, node);
    first = false;
    while (true) {
      auto line = lines.read(node.is_choices() ? "choice> " : "you> ");
      if (!line) {
        out << "\n(end of input)\n";
        quit = true;
        break;
      }
      std::string command = lower(line->text);
      while (!command.empty() && command.back() == ' ') command.pop_back();
      command.erase(0, command.find_first_not_of(' '));
      if (command == "/quit") {
        quit = true;
        break;
      }
      TurnInput input;
      if (node.is_choices()) {
        int n = 0;
        auto [end, ec] = std::from_chars(command.data(), command.data() + command.size(), n);
        if (ec != std::errc() || end != command.data() + command.size()) {
          out << "Type the number of an option, from 1 to " << node.choices.size() << ".\n";
          continue;
        }
        input = TurnInput::pick(n, line->quiet_ms);
      } else if (command.empty() || command == "/silence") {
        input = TurnInput::silent(line->quiet_ms);
      } else {
        input = TurnInput::reply(to_valid_utf8(line->text), line->quiet_ms);
      }
      if (auto problem = session.misfit(input)) {
        out << *problem << "\n";
        continue;
      }
      auto result = session.submit(input);
      if (auto error = recorder.turn_played(*result.turn)) {
        play.io_error = *error;
        return play;
      }
      if (session.mode() == SessionMode::practice && result.turn->feedback) {
        out << "  Coach: " << *result.turn->feedback << "\n";
      }
      if (result.turn->said) out << "\n" << scenario.client.name << ": " << *result.turn->said << "\n";
      break;
    }
  }
  if (session.ended()) {
    show_client_line(out, scenario, session.current());
    out << "(The session has ended: " << outcome_name(*session.outcome()) << ".)\n";
    play.self_rating = ask_self_rating(scenario, lines, out);
    return play;
  }
  if (session.mode() == SessionMode::exam) {
    out << "Exam sessions are always kept: this one is saved as incomplete.\n";
    return play;
  }
  if (session.turns().empty()) {
    play.keep = false;
    return play;
  }
  auto answer = lines.read("Keep this unfinished session in your records? [Y/n] ");
  play.keep = !answer || lower(answer->text).rfind('n', 0) != 0;
  return play;
}

}  // namespace attune::sim
