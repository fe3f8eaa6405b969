// The window's colours: a soft, neutral palette for a mental-health training tool. Public so the
// screenshot tests can look for the exact fills the window draws.
#pragma once

#include <SFML/Graphics/Color.hpp>

namespace attune::window::palette {

inline const sf::Color kBackground{244, 242, 238};
inline const sf::Color kPanel{255, 255, 255};
inline const sf::Color kRule{222, 218, 210};
inline const sf::Color kText{46, 51, 56};
inline const sf::Color kMuted{107, 113, 120};
inline const sf::Color kClientBubble{255, 255, 255};
inline const sf::Color kTraineeBubble{220, 232, 225};
inline const sf::Color kCoachCard{247, 240, 226};
inline const sf::Color kCoachAccent{196, 160, 96};
inline const sf::Color kEvidence{240, 214, 150};
inline const sf::Color kAccent{91, 127, 149};
inline const sf::Color kBar{108, 142, 164};
inline const sf::Color kBarTrack{228, 225, 218};
inline const sf::Color kHover{236, 241, 244};
inline const sf::Color kShade{46, 51, 56, 90};

}  // namespace attune::window::palette
