// Background loader for a sampler plug-in: the message thread queues sample
// files, this thread decodes them and hands the results to the voices.

#include <map>
#include <memory>
#include <vector>

#include <juce_audio_basics/juce_audio_basics.h>
#include <juce_core/juce_core.h>

namespace sampler {

struct LoadedSample {
  juce::AudioBuffer<float> data;
  double sourceSampleRate = 0.0;
  int rootNote = 60;
};

// Reads and decodes a whole file; slow, touches the disk.
std::unique_ptr<LoadedSample> decodeSampleFile(const juce::File& file);

class SampleLoaderThread : public juce::Thread {
 public:
  SampleLoaderThread() : juce::Thread("Sample loader") {}
  ~SampleLoaderThread() override { stopThread(2000); }

  void requestLoad(const juce::File& file) {
    const juce::ScopedLock sl(lock);
    queue.push_back(file);
    notify();
  }

  void run() override {
    while (!threadShouldExit()) {
      const juce::ScopedLock sl(lock);

      if (queue.empty()) {
        const juce::ScopedUnlock ul(lock);
        wait(100);
        continue;
      }

      const juce::File next = queue.front();
      queue.erase(queue.begin());
      currentFile = next.getFullPathName();

      std::unique_ptr<LoadedSample> loaded;
      {
        // Decoding can take seconds; let the message thread queue more work.
        const juce::ScopedUnlock ul(lock);
        loaded = decodeSampleFile(next);
        if (loaded == nullptr)
          ++failures;  // EXPECT: concurrency-unguarded-field
      }

      if (loaded != nullptr)
        samples[next.getFullPathName()] = std::move(loaded);

      currentFile.clear();
    }
  }

  int getNumFailures() const {
    const juce::ScopedLock sl(lock);
    return failures;
  }

  void clearFailures() {
    const juce::ScopedLock sl(lock);
    failures = 0;
  }

  juce::String getCurrentFile() const {
    const juce::ScopedLock sl(lock);
    return currentFile;
  }

  // Voices keep the pointer; samples are never removed while the plug-in runs.
  const LoadedSample* findSample(const juce::String& path) const {
    const juce::ScopedLock sl(lock);
    auto it = samples.find(path);
    return it == samples.end() ? nullptr : it->second.get();
  }

 private:
  juce::CriticalSection lock;
  std::vector<juce::File> queue;
  std::map<juce::String, std::unique_ptr<LoadedSample>> samples;
  juce::String currentFile;
  int failures = 0;
};

// The editor polls the loader from a timer to drive its status line.
class LoaderStatus {
 public:
  explicit LoaderStatus(SampleLoaderThread& l) : loader(l) {}

  juce::String describe() const {
    const auto file = loader.getCurrentFile();
    const int failed = loader.getNumFailures();
    if (file.empty())
      return failed == 0 ? "Idle" : "Idle (" + std::to_string(failed) + " failed)";
    return "Loading " + file;
  }

 private:
  SampleLoaderThread& loader;
};

}  // namespace sampler
