// The client's avatar in the header: a scenario's picture from assets/avatars/ (with the mood
// still shown), and a name that is refused or a picture that cannot be read falling back to the
// drawn face with a one-line notice, never a crash.
#include "avatar.h"

#include <gtest/gtest.h>

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/Texture.hpp>

#include "pixels.h"
#include "run_attune.h"

namespace attune::e2e {
namespace {

// Colours of assets/avatars/ray.png (tools/make_avatar.py): flat areas survive the downscale.
const sf::Color kRayBackground(176, 201, 196);
const sf::Color kRaySkin(223, 187, 160);
const sf::Color kRayCardigan(79, 98, 116);
// The drawn face's fill for a tearful client (mood_face.cpp).
const sf::Color kTearfulFace(212, 222, 234);

// The header's left end, where the avatar sits.
std::size_t in_avatar_spot(const sf::Image& image, sf::Color colour) {
  return count_in(image, colour, 20, 0, 112, 140);
}

TEST(WindowAvatar, TheScenariosPictureIsDrawnInTheHeader) {
  Sandbox box;
  auto script = box.write("one.txt", "[choice 2]\n");
  auto run = box.run({"play", "can-we-be-friends", "--responses", script.string(), "--records",
                      box.records().string(), "--screenshot", (box.root() / "shot.png").string()});
  ASSERT_NE(run.status, 2) << run.err;
  EXPECT_EQ(run.err.find("avatar"), std::string::npos) << run.err;
  sf::Image image;
  ASSERT_TRUE(image.loadFromFile((box.root() / "shot.png").string()));
  EXPECT_GT(in_avatar_spot(image, kRayBackground), 300u);
  EXPECT_GT(in_avatar_spot(image, kRaySkin), 100u);
  EXPECT_GT(in_avatar_spot(image, kRayCardigan), 30u);
}

std::string with_avatar(const std::string& avatar) {
  std::string yaml = slurp(source("scenarios/tell-me-what-to-do.yaml"));
  auto at = yaml.find("client:\n");
  return yaml.insert(at + 8, "  avatar: " + avatar + "\n");
}

TEST(WindowAvatar, ARefusedOrMissingPictureFallsBackToTheDrawnFaceWithANotice) {
  const std::pair<std::string, std::string> cases[] = {
      {"../../../etc/hostname", "'..' would leave assets/avatars/"},
      {"/etc/hostname", "absolute path"},
      {"nobody-here.png", "there is no file"},
  };
  for (const auto& [avatar, reason] : cases) {
    Sandbox box;
    auto scenario = box.write("scenario.yaml", with_avatar(avatar));
    // A silent pass leads to fills-silence, where the client is tearful.
    auto script = box.write("one.txt", "[silence]\n");
    auto run = box.run({"play", scenario.string(), "--responses", script.string(), "--records",
                        box.records().string(), "--screenshot", (box.root() / "shot.png").string()});
    EXPECT_EQ(run.status, 1) << avatar << ": " << run.err;  // the file ends before the session, as always
    EXPECT_NE(run.err.find("attune play: the avatar '" + avatar + "' is not shown"), std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find(reason), std::string::npos) << run.err;
    EXPECT_EQ(box.session_files(box.records()).size(), 1u) << "the session is played and kept";
    sf::Image image;
    ASSERT_TRUE(image.loadFromFile((box.root() / "shot.png").string())) << avatar;
    EXPECT_GT(in_avatar_spot(image, kTearfulFace), 1500u) << avatar << ": the drawn face";
  }
}

TEST(AvatarFile, NamesAFileUnderAssetsAvatarsAndRefusesWaysOut) {
  auto plain = sim::avatar_file("/home/x", "ray.png");
  EXPECT_EQ(plain.problem, "");
  EXPECT_EQ(plain.path, "/home/x/assets/avatars/ray.png");
  EXPECT_EQ(sim::avatar_file("/home/x", "people/ray.png").path, "/home/x/assets/avatars/people/ray.png");
  EXPECT_NE(sim::avatar_file("/home/x", "/etc/passwd").problem, "");
  EXPECT_NE(sim::avatar_file("/home/x", "../rubrics/x.png").problem, "");
  EXPECT_NE(sim::avatar_file("/home/x", "people/../../x.png").problem, "");
}

TEST(AvatarFile, ASymbolicLinkOutOfAssetsAvatarsIsRefused) {
  Sandbox box;
  fs::create_directories(box.root() / "assets" / "avatars");
  box.write("secret.png", "not for the window");
  fs::create_symlink(box.root() / "secret.png", box.root() / "assets" / "avatars" / "link.png");
  EXPECT_NE(sim::avatar_file(box.root().string(), "link.png").problem, "");
}

TEST(AvatarFile, AFileThatIsNotAPictureIsANoticeNotACrash) {
  Sandbox box;
  fs::create_directories(box.root() / "assets" / "avatars");
  box.write("assets/avatars/words.png", "this is text, not a picture");
  sf::Texture texture;
  bool loaded = true;
  auto notice = window::load_avatar(box.root().string(), "words.png", texture, loaded);
  EXPECT_FALSE(loaded);
  ASSERT_TRUE(notice.has_value());
  EXPECT_NE(notice->find("is not a PNG"), std::string::npos) << *notice;
  EXPECT_FALSE(window::load_avatar(box.root().string(), "", texture, loaded).has_value());
}

}  // namespace
}  // namespace attune::e2e
