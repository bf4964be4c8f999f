// Minimal stand-in for JUCE's juce_events module: the message thread and its
// broadcasters.
#pragma once

#include <functional>

#include <juce_core/juce_core.h>

namespace juce {

class MessageManager {
 public:
  static MessageManager* getInstance();
  static bool existsAndIsCurrentThread() noexcept;
  // Queues |function| to be invoked later on the message thread.
  static bool callAsync(std::function<void()> function);
  bool isThisTheMessageThread() const noexcept;
};

class ChangeBroadcaster;

class ChangeListener {
 public:
  virtual ~ChangeListener() = default;
  virtual void changeListenerCallback(ChangeBroadcaster* source) = 0;
};

class ChangeBroadcaster {
 public:
  ChangeBroadcaster() noexcept;
  virtual ~ChangeBroadcaster();
  void addChangeListener(ChangeListener* listener);
  void removeChangeListener(ChangeListener* listener);
  // Asynchronously notifies every listener on the message thread.
  void sendChangeMessage();
};

class Timer {
 public:
  virtual ~Timer();
  // Called on the message thread.
  virtual void timerCallback() = 0;
  void startTimer(int intervalInMilliseconds) noexcept;
  void startTimerHz(int timerFrequencyHz) noexcept;
  void stopTimer() noexcept;

 protected:
  Timer() noexcept;
};

}  // namespace juce
