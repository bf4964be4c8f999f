// MIDI-learn mapping table: the message thread adds and removes mappings
// from the UI, the audio thread resolves incoming controller numbers on
// every MIDI event. Readers share the lock; editors take it exclusively.

#include <algorithm>
#include <vector>

#include <juce_core/juce_core.h>

namespace midilearn {

struct Mapping {
  int channel = 1;
  int controller = 0;
  int parameterIndex = -1;
  float minValue = 0.0f;
  float maxValue = 1.0f;
};

class MidiMappingTable {
 public:
  explicit MidiMappingTable(int maxMappings) : maxMappings(maxMappings) {}

  bool addMapping(const Mapping& m) {
    const juce::ScopedWriteLock sl(lock);
    const int existing = indexOf(m.channel, m.controller);
    if (existing >= 0) {
      mappings[static_cast<size_t>(existing)] = m;
      return true;
    }
    if (static_cast<int>(mappings.size()) >= maxMappings)
      return false;
    mappings.push_back(m);
    return true;
  }

  void removeMapping(int channel, int controller) {
    const juce::ScopedWriteLock sl(lock);
    const int index = indexOf(channel, controller);
    if (index >= 0)
      mappings.erase(mappings.begin() + index);
  }

  // Audio thread.
  bool resolve(int channel, int controller, int value, int& parameterIndex, float& normalised) const {
    const juce::ScopedReadLock sl(lock);
    const int index = indexOf(channel, controller);
    if (index < 0)
      return false;
    const Mapping& m = mappings[static_cast<size_t>(index)];
    parameterIndex = m.parameterIndex;
    normalised = m.minValue + (m.maxValue - m.minValue) * static_cast<float>(value) / 127.0f;
    return true;
  }

  int getNumMappings() const {
    const juce::ScopedReadLock sl(lock);
    return static_cast<int>(mappings.size());
  }

  int getMaxMappings() const { return maxMappings; }

 private:
  int indexOf(int channel, int controller) const {
    auto it = std::find_if(mappings.begin(), mappings.end(), [&](const Mapping& m) {
      return m.channel == channel && m.controller == controller;
    });
    return it == mappings.end() ? -1 : static_cast<int>(it - mappings.begin());
  }

  const int maxMappings;
  juce::ReadWriteLock lock;
  std::vector<Mapping> mappings;
};

// The learn button: the next controller that moves is bound to a parameter.
class MidiLearnController {
 public:
  explicit MidiLearnController(MidiMappingTable& t) : table(t) {}

  void arm(int parameterIndex) {
    const juce::ScopedLock sl(armLock);
    armedParameter = parameterIndex;
  }

  // Audio thread, for controller events that resolve() did not claim.
  void controllerMoved(int channel, int controller) {
    int param;
    {
      const juce::ScopedLock sl(armLock);
      param = armedParameter;
      armedParameter = -1;
    }
    if (param >= 0)
      table.addMapping(Mapping{channel, controller, param, 0.0f, 1.0f});
  }

 private:
  MidiMappingTable& table;
  juce::CriticalSection armLock;
  int armedParameter = -1;
};

}  // namespace midilearn
