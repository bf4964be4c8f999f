#ifndef Foundation_Event_INCLUDED
#define Foundation_Event_INCLUDED

#include <condition_variable>
#include <mutex>

namespace Poco {

class Event
	/// An Event is a synchronization object that
	/// allows one thread to signal one or more
	/// other threads that a certain event
	/// has happened.
{
public:
  explicit Event(bool autoReset = true) : _auto(autoReset) {}
  void set() {
    std::lock_guard<std::mutex> lock(_mutex);
    _state = true;
    _cond.notify_all();
  }
  void wait() {
    std::unique_lock<std::mutex> lock(_mutex);
    _cond.wait(lock, [this] { return _state; });
    if (_auto)
      _state = false;
  }
  bool tryWait(long milliseconds) {
    std::unique_lock<std::mutex> lock(_mutex);
    bool ok = _cond.wait_for(lock, std::chrono::milliseconds(milliseconds),
                             [this] { return _state; });
    if (ok && _auto)
      _state = false;
    return ok;
  }
  void reset() {
    std::lock_guard<std::mutex> lock(_mutex);
    _state = false;
  }

private:
  const bool _auto;
  bool _state = false;
  std::mutex _mutex;
  std::condition_variable _cond;
};

} // namespace Poco

#endif
