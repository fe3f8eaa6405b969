#include "attune/simulator/journal.h"

#include <algorithm>
#include <filesystem>

#include "attune/simulator/file_io.h"
#include "attune/simulator/json_member.h"

namespace attune::sim {
namespace fs = std::filesystem;
namespace {

using nlohmann::json;

constexpr std::size_t kMaxJournalBytes = std::size_t{64} << 20;

std::optional<int> optional_int(const json& turn, const char* key) {
  const json& value = member_or_null(turn, key);
  if (!value.is_number_integer()) return std::nullopt;
  return value.get<int>();
}

bool is_turn_line(const json& line) {
  return line.is_object() && line.contains("node") && line["node"].is_string() && line.contains("kind") &&
         line["kind"].is_string();
}

}  // namespace

JournalRead read_journal(const std::string& path) {
  JournalRead result;
  auto file = read_file(path, kMaxJournalBytes);
  if (!file.text) {
    result.error = file.too_large ? path + " is larger than 64 MiB" : file.error;
    return result;
  }
  JournalContents contents;
  contents.session_id = fs::path(path).stem().string();
  const std::string& text = *file.text;
  std::size_t start = 0;
  int number = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    bool terminated = end != std::string::npos;
    std::string_view line(text.data() + start, (terminated ? end : text.size()) - start);
    start = terminated ? end + 1 : text.size();
    ++number;
    // A line is only complete with its newline: anything after the last one was torn by a crash.
    json parsed = terminated ? json::parse(line, nullptr, false) : json(json::value_t::discarded);
    bool ok = number == 1 ? parsed.is_object() && parsed.value("format", "") == "attune-journal/1"
                          : is_turn_line(parsed);
    if (!ok) {
      if (number == 1) {
        result.error = path + ": the journal has no valid header line";
        return result;
      }
      contents.damage = "line " + std::to_string(number) + (terminated ? " is damaged" : " was torn") +
                        "; recovered the " + std::to_string(contents.turns.size()) + " turns before it";
      break;
    }
    if (number == 1) {
      contents.header = std::move(parsed);
    } else {
      contents.turns.push_back(std::move(parsed));
    }
  }
  if (contents.header.is_null()) {
    result.error = path + ": the journal is empty";
    return result;
  }
  result.contents = std::move(contents);
  return result;
}

std::vector<UnfinishedSession> list_unfinished(const RecordsStore& store) {
  std::vector<UnfinishedSession> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(store.root() + "/journal", ec)) {
    if (entry.path().extension() != ".jsonl") continue;
    auto read = read_journal(entry.path().string());
    UnfinishedSession s;
    s.id = entry.path().stem().string();
    if (!read.contents) {
      s.damage = read.error;
      out.push_back(std::move(s));
      continue;
    }
    const json& h = read.contents->header;
    s.trainee = h.value("trainee", "");
    s.started = h.value("started", "");
    if (h.contains("scenario") && h["scenario"].is_object()) s.scenario_id = h["scenario"].value("id", "");
    s.turns = read.contents->turns.size();
    s.damage = read.contents->damage;
    out.push_back(std::move(s));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

std::optional<std::string> replay_journal(Session& session, const JournalContents& journal) {
  for (std::size_t i = 0; i < journal.turns.size(); ++i) {
    const json& t = journal.turns[i];
    std::string node = t["node"].get<std::string>();
    if (session.ended() || session.current().id != node) {
      return "journaled turn " + std::to_string(i) + " answered node '" + node +
             "', but the scenario copy is at '" + session.current().id + "'";
    }
    std::string kind = t["kind"].get<std::string>();
    TurnInput input;
    if (kind == "silence") {
      input = TurnInput::silent(optional_int(t, "silence_ms"));
    } else if (kind == "choice") {
      input = TurnInput::pick(optional_int(t, "choice").value_or(0), optional_int(t, "latency_ms"));
    } else {
      input = TurnInput::reply(t.contains("response") && t["response"].is_string()
                                   ? t["response"].get<std::string>()
                                   : std::string(),
                               optional_int(t, "latency_ms"));
    }
    auto result = session.submit(input);
    if (result.turn == nullptr)
      return "journaled turn " + std::to_string(i) + " does not fit: " + result.error;
  }
  return std::nullopt;
}

}  // namespace attune::sim
