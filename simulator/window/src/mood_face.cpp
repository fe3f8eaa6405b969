#include "mood_face.h"

#include <algorithm>
#include <cmath>

#include "attune/window/palette.h"

namespace attune::window {
namespace {

sf::Color skin_for(sim::Mood mood) {
  switch (mood) {
    case sim::Mood::calm:
      return {214, 226, 220};
    case sim::Mood::hopeful:
      return {222, 232, 206};
    case sim::Mood::guarded:
      return {222, 222, 228};
    case sim::Mood::distressed:
      return {230, 220, 210};
    case sim::Mood::angry:
      return {236, 214, 208};
    case sim::Mood::tearful:
      return {212, 222, 234};
  }
  return {220, 220, 220};
}

// How the mouth curves: positive smiles, negative frowns.
float curve_for(sim::Mood mood) {
  switch (mood) {
    case sim::Mood::hopeful:
      return 0.5f;
    case sim::Mood::calm:
      return 0.2f;
    case sim::Mood::guarded:
      return 0.f;
    case sim::Mood::distressed:
      return -0.35f;
    case sim::Mood::tearful:
      return -0.45f;
    case sim::Mood::angry:
      return -0.5f;
  }
  return 0.f;
}

void thick_line(DrawList& target, sf::Vector2f a, sf::Vector2f b, float width, sf::Color colour) {
  sf::Vector2f d = b - a;
  float length = std::sqrt(d.x * d.x + d.y * d.y);
  sf::RectangleShape line({length, width});
  line.setOrigin(0, width / 2);
  line.setPosition(a);
  line.setRotation(std::atan2(d.y, d.x) * 180.f / 3.14159265f);
  line.setFillColor(colour);
  target.draw(line);
}

void draw_face(DrawList& target, sf::Vector2f centre, float radius, sim::Mood mood, float outline) {
  sf::CircleShape face(radius, 48);
  face.setOrigin(radius, radius);
  face.setPosition(centre);
  face.setOutlineThickness(outline);
  face.setOutlineColor(palette::kRule);
  face.setFillColor(skin_for(mood));
  target.draw(face);
  const sf::Color ink = palette::kMuted;
  const float stroke = std::max(1.5f, radius / 17.f);  // 2 px at the header's size
  float eye_y = centre.y - radius * 0.18f;
  for (float side : {-1.f, 1.f}) {
    sf::CircleShape eye(radius * 0.07f, 12);
    eye.setOrigin(eye.getRadius(), eye.getRadius());
    eye.setPosition(centre.x + side * radius * 0.32f, eye_y);
    eye.setFillColor(ink);
    target.draw(eye);
    if (mood == sim::Mood::angry || mood == sim::Mood::distressed) {
      // Brows drawn together (angry) or raised at the middle (distressed).
      float inner = mood == sim::Mood::angry ? 0.06f : -0.08f;
      thick_line(target, {centre.x + side * radius * 0.48f, eye_y - radius * 0.2f},
                 {centre.x + side * radius * 0.16f, eye_y - radius * (0.2f - inner)}, stroke, ink);
    }
  }
  if (mood == sim::Mood::tearful) {
    sf::CircleShape tear(radius * 0.06f, 12);
    tear.setOrigin(tear.getRadius(), 0);
    tear.setPosition(centre.x + radius * 0.34f, eye_y + radius * 0.12f);
    tear.setFillColor(palette::kAccent);
    target.draw(tear);
  }
  // The mouth: a parabola through a few points.
  float curve = curve_for(mood);
  float mouth_y = centre.y + radius * 0.36f;
  sf::Vector2f previous;
  for (int i = 0; i <= 8; ++i) {
    float t = static_cast<float>(i) / 8.f * 2.f - 1.f;
    sf::Vector2f point(centre.x + t * radius * 0.34f, mouth_y + curve * radius * 0.25f * (1.f - t * t));
    if (i > 0) thick_line(target, previous, point, stroke * 1.1f, ink);
    previous = point;
  }
}

}  // namespace

void draw_mood_face(DrawList& target, sf::Vector2f centre, float radius, sim::Mood mood,
                    const sf::Texture* picture) {
  if (picture == nullptr) return draw_face(target, centre, radius, mood, 2);
  sf::CircleShape portrait(radius, 64);
  portrait.setOrigin(radius, radius);
  portrait.setPosition(centre);
  portrait.setOutlineThickness(2);
  portrait.setOutlineColor(palette::kRule);
  portrait.setTexture(picture);
  // The middle square of a picture that is not square.
  sf::Vector2i picture_size(picture->getSize());
  int side = std::min(picture_size.x, picture_size.y);
  portrait.setTextureRect({(picture_size.x - side) / 2, (picture_size.y - side) / 2, side, side});
  target.draw(portrait);
  float badge = std::round(radius * 0.4f);
  sf::Vector2f at = centre + sf::Vector2f(radius, radius) * 0.72f;
  sf::CircleShape ring(badge + 2, 32);  // the header's white around the badge, apart from the picture
  ring.setOrigin(badge + 2, badge + 2);
  ring.setPosition(at);
  ring.setFillColor(palette::kPanel);
  target.draw(ring);
  draw_face(target, at, badge, mood, 1);
}

}  // namespace attune::window
