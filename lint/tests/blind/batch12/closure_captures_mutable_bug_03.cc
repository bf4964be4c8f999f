// Log ingestion: a batch is a list of compressed segments from one host.
// Segments are decoded with one thread per segment; the decoded records are
// then handed to the indexer together with the batch's record count, which
// sizes the index's buffers.

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace logs {

struct Segment {
  std::string path;
  uint64_t offset = 0;
  uint64_t length = 0;
};

struct Batch {
  std::string host;
  std::vector<Segment> segments;
};

size_t DecodeSegment(const Segment& segment, std::vector<std::string>* records);

inline size_t DecodeBatch(const std::vector<Segment>& segments, std::vector<std::vector<std::string>>* out) {
  out->assign(segments.size(), {});
  size_t total_records = 0;
  std::vector<std::thread> workers;
  workers.reserve(segments.size());
  for (size_t i = 0; i < segments.size(); ++i) {
    std::vector<std::string>* slot = &(*out)[i];
    const Segment& seg = segments[i];
    workers.emplace_back([&total_records, &seg, slot] { total_records += DecodeSegment(seg, slot); });  // EXPECT: concurrency-closure-captures-mutable
  }
  for (auto& w : workers) w.join();
  return total_records;
}

class Indexer {
 public:
  virtual ~Indexer() = default;
  virtual void Reserve(size_t records) = 0;
  virtual void Add(const std::string& host, const std::string& record) = 0;
};

// Per-host ingestion statistics, read by the admin page.
class IngestStats {
 public:
  void Record(const std::string& host, size_t records, size_t segments) {
    std::lock_guard<std::mutex> lock(mu_);
    Entry& e = by_host_[host];
    e.records += records;
    e.segments += segments;
    ++e.batches;
  }

  std::map<std::string, uint64_t> RecordsByHost() const {
    std::lock_guard<std::mutex> lock(mu_);
    std::map<std::string, uint64_t> out;
    for (const auto& [host, e] : by_host_) out[host] = e.records;
    return out;
  }

 private:
  struct Entry {
    uint64_t records = 0;
    uint64_t segments = 0;
    uint64_t batches = 0;
  };

  mutable std::mutex mu_;
  std::map<std::string, Entry> by_host_;
};

class BatchIngester {
 public:
  BatchIngester(Indexer& indexer, IngestStats& stats) : indexer_(indexer), stats_(stats) {}

  size_t Ingest(const Batch& batch) {
    std::vector<std::vector<std::string>> decoded;
    const size_t records = DecodeBatch(batch.segments, &decoded);
    indexer_.Reserve(records);
    for (const auto& segment_records : decoded) {
      for (const std::string& r : segment_records) indexer_.Add(batch.host, r);
    }
    stats_.Record(batch.host, records, batch.segments.size());
    return records;
  }

 private:
  Indexer& indexer_;
  IngestStats& stats_;
};

}  // namespace logs
