// The debrief screen: the competencies as bars with their status in words, the summary metrics,
// and the transcript with each turn's codes. In practice a turn can be chosen to retry from.
#pragma once

#include <SFML/Graphics.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "attune/simulator/debrief.h"
#include "attune/simulator/scenario.h"
#include "rounded_rect.h"
#include "text_block.h"

namespace attune::window {

class DebriefView {
 public:
  void build(const nlohmann::json& record, const sim::Scenario& scenario,
             const std::vector<sim::CrisisResource>& resources, bool retry_offered);
  void layout(const Fonts& fonts, sf::FloatRect area, float scale);
  void draw(sf::RenderTarget& target);

  void scroll_by(float dy);
  void page(int direction) { scroll_by(static_cast<float>(direction) * area_.height * 0.85f); }
  // Keyboard choice of a turn (retry); makes it visible.
  void select_next(int direction);
  std::optional<int> selected() const { return selected_; }
  // The turn under a window point, if any (and marks it hovered).
  std::optional<int> turn_at(sf::Vector2f point);
  bool retry_offered() const { return retry_offered_; }
  // A turn's card in window coordinates, when it is wholly on screen (the event script clicks it).
  std::optional<sf::FloatRect> turn_box(int turn) const;
  bool has_turn(int turn) const;
  float scroll() const { return scroll_; }

 private:
  struct Placed {
    TextBlock block;
    sf::Vector2f at;
  };
  struct Card {
    int turn = 0;
    sf::FloatRect box;
  };
  Placed& text(std::vector<Paragraph> paragraphs, sf::Vector2f at, float width);
  void reveal(const Card& card);

  nlohmann::json record_;
  const sim::Scenario* scenario_ = nullptr;
  std::vector<sim::CrisisResource> resources_;
  bool retry_offered_ = false;

  const Fonts* fonts_ = nullptr;
  float scale_ = 1;
  sf::FloatRect area_;
  float laid_out_width_ = -1;
  float content_height_ = 0;
  float scroll_ = 0;
  std::vector<std::unique_ptr<Placed>> texts_;
  sf::VertexArray bars_{sf::Quads};  // the competencies' score bars and their tracks
  std::vector<RoundedRect> panels_;
  std::vector<Card> cards_;
  std::optional<int> selected_;
  std::optional<int> hovered_;
};

}  // namespace attune::window
