// Snapshot exporter: serializes the in-memory table on a helper thread
// while the caller streams the previous snapshot's chunks to the sink.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace snapshot {

struct Chunk {
  uint64_t offset;
  std::string bytes;
};

class Sink {
 public:
  virtual ~Sink() = default;
  virtual bool Put(const Chunk& chunk) = 0;
};

std::vector<Chunk> SerializeTable(const std::vector<std::string>& rows) {
  std::vector<Chunk> chunks;
  uint64_t offset = 0;
  for (const std::string& row : rows) {
    chunks.push_back(Chunk{offset, row});
    offset += row.size();
  }
  return chunks;
}

std::vector<Chunk> ExportAndSerialize(const std::vector<Chunk>& previous,
                                      const std::vector<std::string>& rows, Sink* sink) {
  std::vector<Chunk> next;
  std::thread serializer([&next, &rows] { next = SerializeTable(rows); });  // EXPECT: concurrency-thread-leak

  for (const Chunk& chunk : previous) {
    if (!sink->Put(chunk)) {
      throw std::runtime_error("sink rejected chunk at offset " + std::to_string(chunk.offset));
    }
  }

  serializer.join();
  return next;
}

}  // namespace snapshot
