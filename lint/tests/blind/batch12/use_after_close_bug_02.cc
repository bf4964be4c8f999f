// Records the plug-in's output to a raw PCM file. The audio thread pushes
// blocks into a FIFO; this background thread drains the FIFO into the file.
// The editor's stop button closes the file from the message thread.

#include <cstdio>
#include <vector>

#include <juce_audio_basics/juce_audio_basics.h>
#include <juce_core/juce_core.h>

namespace recorder {

class BlockFifo {
 public:
  bool push(const float* samples, int count);
  int pop(float* dest, int maxCount);
};

class DiskWriterThread : public juce::Thread {
 public:
  explicit DiskWriterThread(BlockFifo& f) : juce::Thread("Disk writer"), fifo(f) {}

  ~DiskWriterThread() override {
    stopThread(1000);
    if (file != nullptr)
      std::fclose(file);
  }

  bool startRecording(const juce::File& target) {
    const juce::ScopedLock sl(lock);
    if (file != nullptr)
      return false;
    file = std::fopen(target.getFullPathName().c_str(), "wb");
    samplesWritten = 0;
    return file != nullptr;
  }

  void stopRecording() {
    const juce::ScopedLock sl(lock);
    if (file == nullptr)
      return;
    std::fclose(file);
    file = nullptr;
  }

  int64_t getSamplesWritten() const {
    const juce::ScopedLock sl(lock);
    return samplesWritten;
  }

  void run() override {
    std::vector<float> block(4096);
    while (!threadShouldExit()) {
      const int n = fifo.pop(block.data(), static_cast<int>(block.size()));
      if (n == 0) {
        wait(5);
        continue;
      }
      const size_t written = std::fwrite(block.data(), sizeof(float), static_cast<size_t>(n), file);  // EXPECT: concurrency-use-after-close
      const juce::ScopedLock sl(lock);
      samplesWritten += static_cast<int64_t>(written);
    }
  }

 private:
  BlockFifo& fifo;
  juce::CriticalSection lock;
  std::FILE* file = nullptr;
  int64_t samplesWritten = 0;
};

}  // namespace recorder
