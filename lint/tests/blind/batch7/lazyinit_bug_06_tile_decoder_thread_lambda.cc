// Parallel tile decoder of an image viewer. Each worker decodes every n-th
// tile; the Huffman tables, shared read-only by all workers, are built by
// the first worker that needs them. The class has no lock of its own: it
// only becomes multi-threaded inside DecodeAll().

#include <cstddef>
#include <cstdint>
#include <thread>
#include <vector>

#include "mock/image_tiles.h"

namespace viewer {

class TileDecoder {
 public:
  explicit TileDecoder(unsigned num_threads) : num_threads_(num_threads) {}
  ~TileDecoder() { delete tables_; }
  TileDecoder(const TileDecoder&) = delete;
  TileDecoder& operator=(const TileDecoder&) = delete;

  void DecodeAll(const std::vector<Tile>& tiles) {
    std::vector<std::thread> workers;
    workers.reserve(num_threads_);
    for (unsigned t = 0; t < num_threads_; ++t) {
      workers.emplace_back([this, &tiles, t] {
        if (tables_ == nullptr) {  // EXPECT: concurrency-lazy-init-race
          tables_ = BuildHuffmanTables();
        }
        for (size_t i = t; i < tiles.size(); i += num_threads_) {
          DecodeTile(tiles[i], *tables_);
        }
      });
    }
    for (std::thread& worker : workers) {
      worker.join();
    }
  }

 private:
  const unsigned num_threads_;
  HuffmanTables* tables_ = nullptr;
};

}  // namespace viewer
