// Godot-style threaded resource loader: load_threaded_request() starts a
// loader thread per path; the game thread polls the status and progress.
#include <memory>
#include <thread>
#include <unordered_map>
#include <vector>

#include "mock/godot_os.h"

class Resource {
 public:
  virtual ~Resource() = default;
};

class ResourceFormatLoader {
 public:
  static Resource* load(const String& p_path, float* r_progress);
};

class ResourceLoaderThreaded {
 public:
  enum ThreadLoadStatus {
    THREAD_LOAD_INVALID_RESOURCE,
    THREAD_LOAD_IN_PROGRESS,
    THREAD_LOAD_FAILED,
    THREAD_LOAD_LOADED,
  };

  ~ResourceLoaderThreaded() {
    for (std::thread& t : threads) t.join();
  }

  Error load_threaded_request(const String& p_path) {
    MutexLock thread_load_lock(thread_load_mutex);
    if (thread_load_tasks.count(p_path)) return OK;  // Already loading.
    thread_load_tasks[p_path] = ThreadLoadTask();
    threads.emplace_back([this, p_path] { _run_load_task(p_path); });
    active_loads.increment();
    return OK;
  }

  float load_threaded_get_progress(const String& p_path) {
    MutexLock thread_load_lock(thread_load_mutex);
    auto E = thread_load_tasks.find(p_path);
    ERR_FAIL_COND_V(E == thread_load_tasks.end(), 0.0f);
    return E->second.progress;
  }

  ThreadLoadStatus load_threaded_get_status(const String& p_path) {
    auto E = thread_load_tasks.find(p_path);  // EXPECT: concurrency-unguarded-field
    if (E == thread_load_tasks.end()) {  // EXPECT: concurrency-unguarded-field
      return THREAD_LOAD_INVALID_RESOURCE;
    }
    return E->second.status;
  }

  uint32_t get_active_load_count() const { return active_loads.get(); }

 private:
  struct ThreadLoadTask {
    ThreadLoadStatus status = THREAD_LOAD_IN_PROGRESS;
    float progress = 0.0f;
    std::shared_ptr<Resource> resource;
  };

  void _run_load_task(const String& p_path) {
    float progress = 0.0f;
    Resource* res = ResourceFormatLoader::load(p_path, &progress);
    {
      MutexLock thread_load_lock(thread_load_mutex);
      ThreadLoadTask& task = thread_load_tasks[p_path];
      task.progress = 1.0f;
      task.status = res ? THREAD_LOAD_LOADED : THREAD_LOAD_FAILED;
      task.resource.reset(res);
    }
    active_loads.decrement();
  }

  Mutex thread_load_mutex;
  std::unordered_map<String, ThreadLoadTask> thread_load_tasks;
  std::vector<std::thread> threads;  // Only touched by the main thread.
  SafeNumeric<uint32_t> active_loads;
};
