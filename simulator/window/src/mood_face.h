// The client's avatar: a picture from assets/avatars/ when the scenario names one, else a calm
// drawn face whose expression follows the node's mood. On a picture the drawn face still shows
// the mood, small, as a badge at its lower right (and the mood's name is written beside it, so
// the mood is never shown by look alone).
#pragma once

#include <SFML/Graphics.hpp>

#include "attune/simulator/scenario.h"
#include "draw_list.h"

namespace attune::window {

void draw_mood_face(DrawList& target, sf::Vector2f centre, float radius, sim::Mood mood,
                    const sf::Texture* picture);

}  // namespace attune::window
