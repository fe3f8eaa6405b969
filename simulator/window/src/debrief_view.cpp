#include "debrief_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "attune/window/palette.h"
#include "flat_rect.h"

namespace attune::window {
namespace {

using nlohmann::json;

constexpr float kMargin = 40;

std::string seconds(const json& ms) {
  if (!ms.is_number()) return "-";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f s", ms.get<double>() / 1000.0);
  return buffer;
}

std::string number(const json& value, const char* format) {
  if (!value.is_number()) return "not enough to say";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, format, value.get<double>());
  return buffer;
}

// A code with its evidence words, as the supervisor's debrief writes it.
std::string code_words(const json& turn, const json& code) {
  std::string out = id_words(code.value("code", "?"));
  const json& span = code["span"];
  if (span.is_array() && span.size() == 2 && turn["response"].is_string()) {
    auto text = turn["response"].get<std::string>();
    auto begin = span[0].get<std::size_t>();
    auto end = span[1].get<std::size_t>();
    if (begin < end && end <= text.size()) out += " \u201c" + text.substr(begin, end - begin) + "\u201d";
  }
  return out;
}

}  // namespace

void DebriefView::build(const json& record, const sim::Scenario& scenario,
                        const std::vector<sim::CrisisResource>& resources, bool retry_offered) {
  record_ = record;
  scenario_ = &scenario;
  resources_ = resources;
  retry_offered_ = retry_offered;
  laid_out_width_ = -1;
  scroll_ = 0;
  selected_.reset();
  hovered_.reset();
}

DebriefView::Placed& DebriefView::text(std::vector<Paragraph> paragraphs, sf::Vector2f at, float width) {
  auto placed = std::make_unique<Placed>();
  placed->block.set(std::move(paragraphs));
  placed->block.layout(*fonts_, width, scale_, palette::kEvidence);
  placed->at = at;
  texts_.push_back(std::move(placed));
  return *texts_.back();
}

void DebriefView::layout(const Fonts& fonts, sf::FloatRect area, float scale) {
  area_ = area;
  if (area.width == laid_out_width_ && scale == scale_ && fonts_ == &fonts) return;
  fonts_ = &fonts;
  scale_ = scale;
  laid_out_width_ = area.width;
  texts_.clear();
  bars_.clear();
  panels_.clear();
  cards_.clear();
  const float s = scale;
  const float left = kMargin;
  const float width = std::min(area.width - 2 * kMargin, 1100.f * s);
  float y = 28 * s;

  const json& sc = record_["scenario"];
  y += text({para("Debrief \u00b7 " + sc.value("title", ""), 24, palette::kText, true)}, {left, y}, width)
           .block.height() +
       6 * s;
  std::string outcome = record_["outcome"].is_string() ? id_words(record_["outcome"].get<std::string>())
                                                       : "none (the session did not reach an end)";
  std::string sub = "Outcome: " + outcome + "   \u00b7   " + record_.value("mode", "") +
                    " session   \u00b7   " + std::to_string(record_["turns"].size()) + " turns";
  if (!record_.value("complete", false)) sub += "   \u00b7   incomplete session";
  if (record_["retry_of"].is_object())
    sub += "   \u00b7   a retry from turn " + std::to_string(record_["retry_of"].value("turn", 0) + 1);
  y += text({para(sub, 15, palette::kMuted)}, {left, y}, width).block.height() + 26 * s;

  // Competencies: a bar of score / 4 on a track, the score and its status in words.
  y += text({para("Competencies", 18, palette::kText, true)}, {left, y}, width).block.height() + 4 * s;
  y += text({para("Scores from 0 to 4. Focus skills of this scenario are marked \u201cfocus\u201d.", 14,
                  palette::kMuted)},
            {left, y}, width)
           .block.height() +
       14 * s;
  const float name_width = 300 * s;
  const float track_x = left + name_width;
  const float track_w = std::min(340 * s, width - name_width - 260 * s);
  const json& self = record_["self_rating"];
  for (const auto& [id, c] : record_["competencies"].items()) {
    float row = 34 * s;
    std::string name = id_words(id) + (c.value("focus", false) ? "  \u00b7 focus" : "");
    text({para(name, 16, palette::kText, c.value("focus", false))}, {left, y}, name_width - 12 * s);
    append_rect(bars_, {track_x, y + 5 * s, track_w, 14 * s}, palette::kBarTrack);
    std::string status = id_words(c.value("status", ""));
    std::string figure;
    if (c["score"].is_number()) {
      double score = std::clamp(c["score"].get<double>(), 0.0, 4.0);
      append_rect(bars_, {track_x, y + 5 * s, static_cast<float>(track_w * score / 4.0), 14 * s},
                  palette::kBar);
      figure = number(c["score"], "%.1f") + "   " + status;
    } else {
      figure = status;
    }
    if (self.is_object() && self.contains(id))
      figure += "   (you rated " + std::to_string(self[id].get<int>()) + ")";
    text({para(figure, 15, palette::kText)}, {track_x + track_w + 16 * s, y}, width - name_width - track_w);
    y += row;
  }
  y += 22 * s;

  // The summary metrics, in two columns.
  y += text({para("Summary", 18, palette::kText, true)}, {left, y}, width).block.height() + 10 * s;
  const json& m = record_["metrics"];
  const std::pair<std::string, std::string> metrics[] = {
      {"Reflections per question", number(m["reflection_question_ratio"], "%.1f") + "  (fair 1.0, good 2.0)"},
      {"Complex reflections", number(m["percent_complex_reflections"], "%.0f%%") + "  (fair 40%, good 50%)"},
      {"Open questions", number(m["percent_open_questions"], "%.0f%%")},
      {"Advice given", std::to_string(m.value("advice_count", 0))},
      {"Boundary crossings", std::to_string(m.value("boundary_crossings", 0))},
      {"Silences held", std::to_string(m.value("silent_passes", 0))},
      {"Interruptions", std::to_string(m.value("interruptions", 0))}};
  float column = width / 2;
  float row_height = 0;  // a value that wraps makes its row taller, not the next row overlap it
  for (std::size_t i = 0; i < std::size(metrics); ++i) {
    float x = left + (i % 2 == 0 ? 0 : column);
    row_height = std::max(
        row_height, text({para(metrics[i].first, 15, palette::kMuted)}, {x, y}, 230 * s).block.height());
    row_height = std::max(
        row_height, text({para(metrics[i].second, 15, palette::kText)}, {x + 230 * s, y}, column - 240 * s)
                        .block.height());
    if (i % 2 == 1 || i + 1 == std::size(metrics)) {
      y += std::max(26 * s, row_height + 8 * s);
      row_height = 0;
    }
  }
  y += 24 * s;

  // The transcript, one card a turn.
  y += text({para("Transcript", 18, palette::kText, true)}, {left, y}, width).block.height() + 4 * s;
  if (retry_offered_) {
    y += text({para("Click a turn (or choose it with \u2191 \u2193 and press Enter) to retry from there.", 14,
                    palette::kMuted)},
              {left, y}, width)
             .block.height();
  }
  y += 12 * s;
  const std::string client = scenario_->client.name;
  for (const json& turn : record_["turns"]) {
    int index = turn.value("index", 0);
    std::vector<Paragraph> ps;
    std::string kind = turn.value("kind", "");
    std::string head = "Turn " + std::to_string(index + 1) + "   \u00b7   ";
    head += kind == "silence" ? "held silence for " + seconds(turn["silence_ms"])
                              : "replied after " + seconds(turn["latency_ms"]) + " (space " +
                                    seconds(turn["space_ms"]) + ")";
    ps.push_back(para(head, 13, palette::kMuted));
    ps.push_back(para(client + ": " + turn.value("client", ""), 15, palette::kText));
    if (kind != "silence") {
      ps.push_back(para("You: " + (turn["response"].is_string() ? turn["response"].get<std::string>() : ""),
                        15, palette::kText, true));
    }
    std::string codes;
    for (const json& code : turn["codes"])
      codes += (codes.empty() ? "" : "   \u00b7   ") + code_words(turn, code);
    ps.push_back(para("Codes: " + (codes.empty() ? std::string("none") : codes), 14, palette::kAccent));
    if (turn["feedback"].is_string())
      ps.push_back(para(turn["feedback"].get<std::string>(), 14, palette::kMuted));
    float pad = 14 * s;
    Placed& body =
        text(std::move(ps), {left + pad, y + pad}, width - 2 * pad - (retry_offered_ ? 150 * s : 0));
    float height = body.block.height() + 2 * pad;
    auto panel = rounded_rect({width, height}, 10 * s, palette::kPanel);
    panel.setPosition(left, y);
    panel.setOutlineThickness(1);
    panel.setOutlineColor(palette::kRule);
    panels_.push_back(panel);
    cards_.push_back({index, {left, y, width, height}});
    y += height + 10 * s;
  }
  if (scenario_->has_risk() && !resources_.empty()) {
    y += 14 * s;
    std::vector<Paragraph> ps{
        para("If this session touched something close to home, support is there:", 15, palette::kText, true)};
    for (const auto& r : resources_)
      ps.push_back(para(r.name + " (" + r.region + "): " + r.contact, 15, palette::kText));
    y += text(std::move(ps), {left, y}, width).block.height();
  }
  content_height_ = y + 30 * s;
  // Cards must be reordered in front of their texts: texts are drawn after panels anyway.
  scroll_by(0);
}

void DebriefView::scroll_by(float dy) {
  scroll_ = std::clamp(scroll_ + dy, 0.f, std::max(0.f, content_height_ - area_.height));
}

void DebriefView::reveal(const Card& card) {
  if (card.box.top < scroll_) scroll_by(card.box.top - scroll_ - 10);
  if (card.box.top + card.box.height > scroll_ + area_.height)
    scroll_by(card.box.top + card.box.height - scroll_ - area_.height + 10);
}

void DebriefView::select_next(int direction) {
  if (!retry_offered_ || cards_.empty()) return;
  int count = static_cast<int>(cards_.size());
  int next = selected_ ? std::clamp(*selected_ + direction, 0, count - 1) : (direction > 0 ? 0 : count - 1);
  selected_ = next;
  reveal(cards_[static_cast<std::size_t>(next)]);
}

std::optional<int> DebriefView::turn_at(sf::Vector2f point) {
  hovered_.reset();
  if (!retry_offered_ || !area_.contains(point)) return std::nullopt;
  sf::Vector2f content(point.x - area_.left, point.y - area_.top + scroll_);
  for (const Card& card : cards_) {
    if (card.box.contains(content)) {
      hovered_ = card.turn;
      return card.turn;
    }
  }
  return std::nullopt;
}

bool DebriefView::has_turn(int turn) const {
  return std::any_of(cards_.begin(), cards_.end(), [&](const Card& c) { return c.turn == turn; });
}

std::optional<sf::FloatRect> DebriefView::turn_box(int turn) const {
  for (const Card& card : cards_) {
    if (card.turn != turn) continue;
    float top = card.box.top - scroll_;
    if (!retry_offered_ || top < 0 || top + card.box.height > area_.height) return std::nullopt;
    return sf::FloatRect(card.box.left + area_.left, top + area_.top, card.box.width, card.box.height);
  }
  return std::nullopt;
}

void DebriefView::draw(sf::RenderTarget& target) {
  // No viewport clips the area (see ConversationView::draw): the footer, drawn after, covers what
  // the last card spills.
  sf::RenderStates states;
  states.transform.translate(area_.left, area_.top - std::round(scroll_));
  for (std::size_t i = 0; i < panels_.size(); ++i) {
    const Card& card = cards_[i];
    bool chosen = (selected_ && *selected_ == card.turn) || (hovered_ && *hovered_ == card.turn);
    RoundedRect panel = panels_[i];
    if (chosen) {
      panel.setFillColor(palette::kHover);
      panel.setOutlineColor(palette::kAccent);
      panel.setOutlineThickness(2);
    }
    if (card.box.top > scroll_ + area_.height || card.box.top + card.box.height < scroll_) continue;
    target.draw(panel, states);
    if (chosen) {
      sf::Text retry(from_utf8("Retry from here \u203a"), fonts_->bold, scaled(14, scale_));
      retry.setFillColor(palette::kAccent);
      retry.setPosition(card.box.left + card.box.width - retry.getLocalBounds().width - 18 * scale_,
                        card.box.top + 14 * scale_);
      target.draw(retry, states);
    }
  }
  target.draw(bars_, states);
  for (const auto& t : texts_) {
    if (t->at.y > scroll_ + area_.height || t->at.y + t->block.height() < scroll_) continue;
    // Rounded before the scroll, as the view used to: a block never moves a pixel against its card.
    t->block.draw(target,
                  {std::round(t->at.x) + area_.left, std::round(t->at.y) + area_.top - std::round(scroll_)});
  }
}

}  // namespace attune::window
