// Godot-style audio server: the audio thread mixes buses and publishes its
// load through SafeNumeric/SafeFlag; the main thread edits the bus layout
// under the audio mutex. Mixing scratch buffers belong to the audio thread.
#include <cstdint>
#include <thread>
#include <vector>

#include "mock/godot_os.h"

class AudioServer {
 public:
  AudioServer() : mix_buffer(1024) {}

  ~AudioServer() { finish(); }

  void init() {
    exit_thread.clear();
    thread = std::thread([this] { _thread_func(); });
  }

  void finish() {
    exit_thread.set();
    if (thread.joinable()) thread.join();
  }

  // Main thread.
  void set_bus_volume_db(int p_bus, float p_volume_db) {
    MutexLock lock(audio_mutex);
    ERR_FAIL_COND(p_bus < 0 || p_bus >= static_cast<int>(bus_volumes.size()));
    bus_volumes[p_bus] = p_volume_db;
  }

  void add_bus() {
    MutexLock lock(audio_mutex);
    bus_volumes.push_back(0.0f);
  }

  // Main thread, for the editor's audio monitor.
  uint64_t get_mix_count() const { return mix_count.get(); }
  uint64_t get_peak_mix_usec() const { return peak_mix_usec.get(); }
  bool is_running() const { return !exit_thread.is_set(); }

 private:
  void _thread_func() {
    while (!exit_thread.is_set()) {
      uint64_t start = OS::get_singleton()->get_ticks_msec();
      _mix_step();
      uint64_t elapsed = OS::get_singleton()->get_ticks_msec() - start;
      mix_count.increment();
      peak_mix_usec.exchange_if_greater(elapsed * 1000);
      OS::get_singleton()->delay_usec(5000);
    }
  }

  void _mix_step() {
    float gain = 1.0f;
    {
      MutexLock lock(audio_mutex);
      for (float db : bus_volumes) gain *= (db > -80.0f ? 1.0f : 0.0f);
    }
    for (float& sample : mix_buffer) sample *= gain;
    ++frames_mixed;
  }

  Mutex audio_mutex;
  std::vector<float> bus_volumes;
  std::vector<float> mix_buffer;  // Only accessed on the audio thread.
  uint64_t frames_mixed = 0;      // Only accessed on the audio thread.
  SafeNumeric<uint64_t> mix_count;
  SafeNumeric<uint64_t> peak_mix_usec;
  SafeFlag exit_thread;
  std::thread thread;
};
