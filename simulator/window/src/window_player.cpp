#include "attune/window/window_player.h"

#include "app.h"

namespace attune::window {

struct WindowPlayer::Impl {
  Impl(const sim::Scenario& scenario, const WindowOptions& options) : app(scenario, options) {}
  App app;
};

WindowPlayer::WindowPlayer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WindowPlayer::~WindowPlayer() = default;

std::unique_ptr<WindowPlayer> WindowPlayer::open(const sim::Scenario& scenario, const WindowOptions& options,
                                                 std::string& error) {
  auto impl = std::make_unique<Impl>(scenario, options);
  if (auto problem = impl->app.open()) {
    error = *problem;
    return nullptr;
  }
  return std::unique_ptr<WindowPlayer>(new WindowPlayer(std::move(impl)));
}

const std::vector<std::string>& WindowPlayer::notices() const {
  return impl_->app.notices();
}

std::optional<std::size_t> WindowPlayer::offer_resume(const std::vector<sim::UnfinishedSession>& sessions) {
  return impl_->app.offer_resume(sessions);
}

WindowPlay WindowPlayer::play(std::unique_ptr<sim::Session> session,
                              std::unique_ptr<sim::SessionRecorder> recorder,
                              const RecorderFactory& new_recorder) {
  return impl_->app.play(std::move(session), std::move(recorder), new_recorder);
}

}  // namespace attune::window
