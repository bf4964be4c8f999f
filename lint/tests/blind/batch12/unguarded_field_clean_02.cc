// Convolution reverb. The message thread loads a new impulse response and
// parks it in the pending slot; the audio thread swaps it in at the start of
// a block, unless the message thread happens to hold the lock, in which case
// it keeps the current one for this block and tries again on the next.

#include <memory>
#include <vector>

#include <juce_audio_basics/juce_audio_basics.h>
#include <juce_core/juce_core.h>

namespace reverb {

class ImpulseResponse {
 public:
  explicit ImpulseResponse(juce::AudioBuffer<float> ir) : ir_(std::move(ir)) {}
  void convolve(juce::AudioBuffer<float>& block);

 private:
  juce::AudioBuffer<float> ir_;
};

class ImpulseResponseSlot {
 public:
  // Message thread.
  void setPending(std::unique_ptr<ImpulseResponse> ir) {
    const juce::SpinLock::ScopedLockType sl(lock);
    pending = std::move(ir);
  }

  // Message thread, from a timer: frees responses the audio thread retired.
  void collectGarbage() {
    std::vector<std::unique_ptr<ImpulseResponse>> toFree;
    {
      const juce::SpinLock::ScopedLockType sl(lock);
      toFree.swap(retired);
    }
  }

  // Audio thread. Never blocks.
  void process(juce::AudioBuffer<float>& block) {
    {
      const juce::SpinLock::ScopedTryLockType tl(lock);
      if (tl.isLocked() && pending != nullptr) {
        if (active != nullptr)
          retired.push_back(std::move(active));
        active = std::move(pending);
      }
    }

    if (active != nullptr)
      active->convolve(block);
  }

 private:
  juce::SpinLock lock;
  std::unique_ptr<ImpulseResponse> pending;
  std::vector<std::unique_ptr<ImpulseResponse>> retired;

  // Only accessed on the audio thread.
  std::unique_ptr<ImpulseResponse> active;
};

class ReverbProcessor {
 public:
  // Called on the message thread before playback starts and whenever the
  // host changes the block size; the audio callback is stopped meanwhile.
  void prepareToPlay(double newSampleRate, int maxBlockSize) {
    sampleRate = newSampleRate;
    scratch.setSize(2, maxBlockSize);
  }

  void processBlock(juce::AudioBuffer<float>& buffer) {
    scratch.copyFrom(0, 0, buffer, 0, 0, buffer.getNumSamples());
    slot.process(buffer);
    buffer.applyGain(wetGain);
  }

  void loadImpulse(juce::AudioBuffer<float> ir) {
    slot.setPending(std::make_unique<ImpulseResponse>(std::move(ir)));
  }

  void timerTick() { slot.collectGarbage(); }

 private:
  ImpulseResponseSlot slot;
  double sampleRate = 44100.0;
  const float wetGain = 0.35f;
  juce::AudioBuffer<float> scratch;
};

}  // namespace reverb
