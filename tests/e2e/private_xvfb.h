// A private Xvfb for tests that open windows, started by the test itself so that it runs under a
// plain ctest. It picks a free display number and is stopped with the object.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

namespace attune::e2e {

class PrivateXvfb {
 public:
  // Reset::on is Xvfb's default: the server resets when its last client disconnects, refusing
  // connections for a moment, as a user's plain `xvfb-run` does.
  enum class Reset { off, on };

  explicit PrivateXvfb(Reset reset = Reset::off) {
    int fds[2];
    if (::pipe(fds) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      int null = ::open("/dev/null", O_RDWR);
      ::dup2(null, STDIN_FILENO);
      ::dup2(null, STDOUT_FILENO);
      ::dup2(null, STDERR_FILENO);
      ::close(fds[0]);
      // -displayfd: Xvfb picks a free display and writes its number here once it is ready.
      std::string fd = std::to_string(fds[1]);
      std::vector<const char*> argv = {"Xvfb", "-displayfd",  fd.c_str(),  "-screen",
                                       "0",    "1280x800x24", "-nolisten", "tcp"};
      if (reset == Reset::off) argv.push_back("-noreset");
      argv.push_back(nullptr);
      ::execvp("Xvfb", const_cast<char* const*>(argv.data()));
      ::_exit(127);
    }
    ::close(fds[1]);
    std::string number;
    char c;
    while (::read(fds[0], &c, 1) == 1 && c != '\n') number += c;
    ::close(fds[0]);
    if (!number.empty()) display_ = ":" + number;
  }
  ~PrivateXvfb() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
  }
  PrivateXvfb(const PrivateXvfb&) = delete;
  PrivateXvfb& operator=(const PrivateXvfb&) = delete;
  const std::string& display() const { return display_; }  // empty: no Xvfb here

 private:
  pid_t pid_ = -1;
  std::string display_;
};

}  // namespace attune::e2e
