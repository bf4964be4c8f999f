//
// Thread.h
//
// Library: Foundation
// Package: Threading
// Module:  Thread
//
#ifndef Foundation_Thread_INCLUDED
#define Foundation_Thread_INCLUDED

#include <chrono>
#include <string>
#include <thread>
#include "Poco/Runnable.h"

namespace Poco {

class Thread
	/// This class implements a platform-independent
	/// wrapper to an operating system thread.
{
public:
  Thread() {}
  explicit Thread(const std::string &name) : _name(name) {}
  ~Thread() {
    if (_thread.joinable())
      _thread.detach();
  }

  void start(Runnable &target) {
    _thread = std::thread([&target] { target.run(); });
  }
  void join() {
    if (_thread.joinable())
      _thread.join();
  }
  bool isRunning() const { return _thread.joinable(); }
  const std::string &name() const { return _name; }

  static void sleep(long milliseconds) {
    std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds));
  }

private:
  std::string _name;
  std::thread _thread;
};

} // namespace Poco

#endif // Foundation_Thread_INCLUDED
