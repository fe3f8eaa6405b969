// Journal writes off the UI thread. An fsync takes from under a millisecond to several, and a
// frame that waits for it misses the frame-time target; the window hands the write to this
// thread, keeps drawing, and lets the client go on only once the write's result is in.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace attune::window {

class RecordWriter {
 public:
  // A write: nullopt when it is durable, else the error to show.
  using Write = std::function<std::optional<std::string>()>;

  RecordWriter();
  // Runs every write still queued before it returns: no finished turn is dropped on the way out.
  ~RecordWriter();
  RecordWriter(const RecordWriter&) = delete;
  RecordWriter& operator=(const RecordWriter&) = delete;

  // Queues `write` behind the earlier ones (they run in order); its result arrives in the future.
  std::future<std::optional<std::string>> post(Write write);

 private:
  void run();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::packaged_task<std::optional<std::string>()>> queue_;
  bool stopping_ = false;
  std::thread thread_;  // last: it starts once the members it uses exist
};

}  // namespace attune::window
