// Task arena sizing for a TBB-based image pipeline: the detected topology
// is computed on first use and cached in a function-local static pointer.
#include <cstddef>
#include <string>
#include <thread>
#include <vector>

#include "tbb_mock.h"

namespace imaging {

struct CpuTopology {
  int sockets = 1;
  int cores_per_socket = 1;
  int threads_per_core = 1;
  int total() const { return sockets * cores_per_socket * threads_per_core; }
};

static CpuTopology* DetectTopology() {
  auto* topo = new CpuTopology;
  topo->cores_per_socket = static_cast<int>(std::thread::hardware_concurrency());
  return topo;
}

const CpuTopology& Topology() {
  static CpuTopology* cached = nullptr;
  if (cached == nullptr) {  // EXPECT: concurrency-lazy-init-race
    cached = DetectTopology();
  }
  return *cached;
}

struct Tile {
  int x, y;
  std::vector<unsigned char> pixels;
};

void SharpenTiles(std::vector<Tile>& tiles) {
  tbb::task_group group;
  for (Tile& tile : tiles) {
    Tile* target = &tile;
    group.run([target] {
      const int lanes = Topology().threads_per_core;
      for (unsigned char& p : target->pixels) p = static_cast<unsigned char>(p + lanes % 2);
    });
  }
  group.wait();
}

size_t PreferredBatchSize(size_t items) {
  const size_t workers = static_cast<size_t>(Topology().total());
  return workers == 0 ? items : (items + workers - 1) / workers;
}

}  // namespace imaging
