// The client's avatar: a picture from assets/ when the scenario names one, else a calm drawn
// face whose expression follows the node's mood (with the mood's name beside it, never only
// its look).
#pragma once

#include <SFML/Graphics.hpp>

#include "attune/simulator/scenario.h"

namespace attune::window {

void draw_mood_face(sf::RenderTarget& target, sf::Vector2f centre, float radius, sim::Mood mood,
                    const sf::Texture* picture);

}  // namespace attune::window
