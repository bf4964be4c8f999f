// A small executor interface shared by several modules of the batch: Post()
// and Schedule() run the task later on one of the pool's threads.
#pragma once
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <utility>

namespace runtime {

class Executor {
 public:
  virtual ~Executor() = default;
  virtual void Post(std::function<void()> task) = 0;
  virtual void Schedule(std::chrono::milliseconds delay,
                        std::function<void()> task) = 0;
};

enum class Status { kOk, kCancelled, kUnavailable, kInternal };

inline const char* StatusName(Status s) {
  switch (s) {
    case Status::kOk: return "OK";
    case Status::kCancelled: return "CANCELLED";
    case Status::kUnavailable: return "UNAVAILABLE";
    case Status::kInternal: return "INTERNAL";
  }
  return "?";
}

struct LogLine {
  template <typename T>
  LogLine& operator<<(const T&) { return *this; }
};
inline LogLine Log(const char* level) { (void)level; return LogLine(); }

}  // namespace runtime
