// Godot-style file-system watcher: a detached thread polls for changes
// until the SafeFlag tells it to stop; shutdown sets the flag and waits on
// a semaphore the thread posts on its way out, so nothing outlives the
// watcher.
#include <thread>
#include <vector>

#include "mock/godot_os.h"

class DirAccess {
 public:
  static uint64_t get_modified_time(const String& p_path);
};

class EditorFileSystemWatcher {
 public:
  ~EditorFileSystemWatcher() { stop(); }

  void start(const std::vector<String>& p_paths) {
    MutexLock lock(mutex);
    if (running) return;
    running = true;
    exit_requested.clear();
    watched = p_paths;
    std::thread watcher([this] { _poll_loop(); });
    watcher.detach();
  }

  void stop() {
    {
      MutexLock lock(mutex);
      if (!running) return;
      running = false;
    }
    exit_requested.set();
    exited.wait();
  }

  uint32_t get_change_count() const { return changes.get(); }

 private:
  void _poll_loop() {
    std::vector<uint64_t> last;
    while (!exit_requested.is_set()) {
      std::vector<String> paths;
      {
        MutexLock lock(mutex);
        paths = watched;
      }
      last.resize(paths.size(), 0);
      for (size_t i = 0; i < paths.size(); ++i) {
        uint64_t t = DirAccess::get_modified_time(paths[i]);
        if (t != last[i]) changes.increment();
        last[i] = t;
      }
      OS::get_singleton()->delay_usec(250000);
    }
    exited.post();
  }

  Mutex mutex;
  bool running = false;
  std::vector<String> watched;
  SafeFlag exit_requested;
  Semaphore exited;
  SafeNumeric<uint32_t> changes;
};
