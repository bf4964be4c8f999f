// Godot-style export worker threads (not a test): the upload thread ignores
// SIGPIPE by installing a process-wide handler, and the packer thread
// switches the global C locale so that floats are written with a '.', both
// from inside the threads while the editor's other threads are running.
#include <clocale>
#include <csignal>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "mock/godot_os.h"

class ExportUploader {
 public:
  void start(const std::vector<String>& p_files) {
    files = p_files;
    upload_thread = std::thread([this] {
      signal(SIGPIPE, SIG_IGN);  // EXPECT: concurrency-process-global-in-test
      for (const String& f : files) _upload(f);
      done.set();
    });
    pack_thread = std::thread(&ExportUploader::_pack_manifest, this);
  }

  void wait() {
    if (upload_thread.joinable()) upload_thread.join();
    if (pack_thread.joinable()) pack_thread.join();
  }

  ~ExportUploader() { wait(); }

  bool is_done() const { return done.is_set(); }

 private:
  void _upload(const String& p_file) {
    MutexLock lock(mutex);
    uploaded.push_back(p_file);
  }

  void _pack_manifest() {
    setlocale(LC_NUMERIC, "C");  // EXPECT: concurrency-process-global-in-test
    char line[64];
    std::snprintf(line, sizeof(line), "scale=%f\n", 1.5);
    MutexLock lock(mutex);
    manifest += line;
  }

  std::vector<String> files;
  Mutex mutex;
  std::vector<String> uploaded;
  String manifest;
  SafeFlag done;
  std::thread upload_thread;
  std::thread pack_thread;
};
