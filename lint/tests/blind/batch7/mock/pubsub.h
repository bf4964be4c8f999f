// Stand-in for an in-process pub/sub bus (the code under test).
// Declarations only.
#ifndef BATCH7_MOCK_PUBSUB_H_
#define BATCH7_MOCK_PUBSUB_H_

#include <chrono>
#include <optional>
#include <string>

namespace pubsub {

class Bus {
 public:
  Bus();
  ~Bus();
  void Publish(const std::string& topic, const std::string& payload);
  // Returns nullopt after Shutdown() or when the timeout expires.
  std::optional<std::string> Receive(const std::string& topic, std::chrono::milliseconds timeout);
  void Shutdown();
};

}  // namespace pubsub

#endif  // BATCH7_MOCK_PUBSUB_H_
