// Stand-in for a storage node agent's service interfaces. Declarations only.
#ifndef BATCH7_MOCK_NODE_AGENT_H_
#define BATCH7_MOCK_NODE_AGENT_H_

#include <string>

namespace nodeagent {

class Watchdog {
 public:
  void CheckStalls();
};

class StatsSink {
 public:
  void Export(const std::string& payload);
};

std::string CollectStats();

}  // namespace nodeagent

#endif  // BATCH7_MOCK_NODE_AGENT_H_
