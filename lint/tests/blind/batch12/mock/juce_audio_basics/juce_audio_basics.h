// Minimal stand-in for JUCE's juce_audio_basics module.
#pragma once

#include <juce_core/juce_core.h>

namespace juce {

template <typename Type>
class AudioBuffer {
 public:
  AudioBuffer() noexcept = default;
  AudioBuffer(int numChannels, int numSamples);
  int getNumChannels() const noexcept { return numChannels_; }
  int getNumSamples() const noexcept { return size_; }
  const Type* getReadPointer(int channel) const noexcept;
  Type* getWritePointer(int channel) noexcept;
  void clear() noexcept;
  void setSize(int newNumChannels, int newNumSamples);
  void copyFrom(int destChannel, int destStartSample, const AudioBuffer& source,
                int sourceChannel, int sourceStartSample, int numSamples) noexcept;
  void applyGain(Type gain) noexcept;

 private:
  int numChannels_ = 0;
  int size_ = 0;
};

class MidiBuffer {
 public:
  void clear() noexcept;
  bool isEmpty() const noexcept;
  int getNumEvents() const noexcept;
};

}  // namespace juce
