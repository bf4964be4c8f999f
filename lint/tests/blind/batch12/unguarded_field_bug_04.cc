// The plug-in's preset bank. The message thread edits it from the preset
// browser; the audio thread copies a preset's values when a MIDI program
// change arrives. Readers take the read lock, editors the write lock.

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include <juce_core/juce_core.h>

namespace synth {

struct Preset {
  juce::String name;
  std::vector<float> values;
};

class PresetBank {
 public:
  PresetBank() = default;

  // Used by the undo manager to snapshot the bank before an edit.
  PresetBank(const PresetBank& other)
      : presets(other.presets),  // EXPECT: concurrency-unguarded-field
        currentIndex(other.getCurrentIndex()) {}

  PresetBank& operator=(const PresetBank&) = delete;

  void add(Preset p) {
    const juce::ScopedWriteLock sl(lock);
    presets.push_back(std::move(p));
  }

  bool remove(int index) {
    const juce::ScopedWriteLock sl(lock);
    if (index < 0 || index >= static_cast<int>(presets.size()))
      return false;
    presets.erase(presets.begin() + index);
    if (currentIndex >= static_cast<int>(presets.size()))
      currentIndex = std::max(0, static_cast<int>(presets.size()) - 1);
    return true;
  }

  // Audio thread: copies at most maxValues parameter values into dest.
  size_t copyValues(int index, float* dest, size_t maxValues) const {
    const juce::ScopedReadLock sl(lock);
    if (index < 0 || index >= static_cast<int>(presets.size()))
      return 0;
    const auto& v = presets[static_cast<size_t>(index)].values;
    const size_t n = std::min(maxValues, v.size());
    std::copy(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n), dest);
    return n;
  }

  juce::String getName(int index) const {
    const juce::ScopedReadLock sl(lock);
    if (index < 0 || index >= static_cast<int>(presets.size()))
      return {};
    return presets[static_cast<size_t>(index)].name;
  }

  int size() const {
    const juce::ScopedReadLock sl(lock);
    return static_cast<int>(presets.size());
  }

  int getCurrentIndex() const {
    const juce::ScopedReadLock sl(lock);
    return currentIndex;
  }

  void setCurrentIndex(int index) {
    const juce::ScopedWriteLock sl(lock);
    currentIndex = std::clamp(index, 0, std::max(0, static_cast<int>(presets.size()) - 1));
  }

 private:
  juce::ReadWriteLock lock;
  std::vector<Preset> presets;
  int currentIndex = 0;
};

// Keeps snapshots of the bank so that edits in the browser can be undone.
class PresetUndoHistory {
 public:
  explicit PresetUndoHistory(PresetBank& b) : bank(b) {}

  void beginEdit() { snapshots.emplace_back(bank); }

  int numSnapshots() const { return static_cast<int>(snapshots.size()); }

 private:
  PresetBank& bank;
  std::vector<PresetBank> snapshots;
};

}  // namespace synth
