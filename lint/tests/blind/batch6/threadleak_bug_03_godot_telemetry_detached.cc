// Godot-style editor telemetry: a detached thread uploads usage counters
// every minute for as long as the process lives. Nothing can stop it, so at
// exit it keeps running while the editor singletons are destroyed.
#include <stdint.h>

#include <string>
#include <thread>

#include "mock/godot_os.h"

class HTTPClient {
 public:
  Error post(const String& p_url, const String& p_body);
};

class EditorTelemetry {
 public:
  static EditorTelemetry* get_singleton();

  void count(const String& p_event) {
    MutexLock lock(mutex);
    counters += p_event + ";";
    events.increment();
  }

  String take_counters() {
    MutexLock lock(mutex);
    String out = counters;
    counters.clear();
    return out;
  }

  void start_uploader(HTTPClient* p_client, const String& p_url) {
    std::thread uploader([this, p_client, p_url] {
      for (;;) {
        OS::get_singleton()->delay_usec(60 * 1000 * 1000);
        String body = take_counters();
        if (body.empty()) continue;
        if (p_client->post(p_url, body) != OK) ERR_PRINT("Telemetry upload failed.");
      }
    });
    uploader.detach();  // EXPECT: concurrency-thread-leak
  }

  uint64_t get_event_count() const { return events.get(); }

 private:
  Mutex mutex;
  String counters;
  SafeNumeric<uint64_t> events;
};
