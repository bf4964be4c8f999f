// A parallel checksum verifier for a storage node: it hands each worker
// thread the filesystem service (used through its interface), runs sort and
// search predicates in place, and gives each worker its own result slot.
#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace storage {

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  virtual bool ReadAll(const std::string& path, std::string* out) = 0;
  virtual uint64_t FileSize(const std::string& path) = 0;
};

struct Chunk {
  std::string path;
  uint32_t expected_crc;
};

static uint32_t Crc32(const std::string& data) {
  uint32_t crc = 0xffffffffu;
  for (unsigned char c : data) {
    crc ^= c;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

class Verifier {
 public:
  Verifier(FileSystem& fs, int workers) : fs_(fs), workers_(workers) {}

  // Returns the paths whose checksum does not match, largest files first.
  std::vector<std::string> Verify(std::vector<Chunk> chunks) {
    FileSystem& fs = fs_;
    std::sort(chunks.begin(), chunks.end(), [&fs](const Chunk& a, const Chunk& b) {
      return fs.FileSize(a.path) > fs.FileSize(b.path);
    });

    {
      std::lock_guard<std::mutex> lock(mu_);
      finished_ = 0;
    }
    std::vector<std::vector<std::string>> bad(static_cast<size_t>(workers_));
    std::vector<std::thread> threads;
    for (int w = 0; w < workers_; ++w) {
      threads.emplace_back([&fs, &chunks, &bad, w, this] {
        for (size_t i = static_cast<size_t>(w); i < chunks.size(); i += static_cast<size_t>(workers_)) {
          std::string data;
          if (!fs.ReadAll(chunks[i].path, &data) || Crc32(data) != chunks[i].expected_crc) {
            bad[static_cast<size_t>(w)].push_back(chunks[i].path);
          }
        }
        std::lock_guard<std::mutex> lock(mu_);
        ++finished_;
        done_cv_.notify_all();
      });
    }
    {
      std::unique_lock<std::mutex> lock(mu_);
      done_cv_.wait(lock, [this] { return finished_ == workers_; });
    }
    for (std::thread& t : threads) t.join();

    std::vector<std::string> out;
    for (const auto& slot : bad) out.insert(out.end(), slot.begin(), slot.end());
    return out;
  }

  bool AnyMissing(const std::vector<Chunk>& chunks) {
    return std::any_of(chunks.begin(), chunks.end(),
                       [this](const Chunk& c) { return fs_.FileSize(c.path) == 0; });
  }

  void Reset() {
    std::lock_guard<std::mutex> lock(mu_);
    finished_ = 0;
  }

 private:
  FileSystem& fs_;
  const int workers_;
  std::mutex mu_;
  std::condition_variable done_cv_;
  int finished_ = 0;
};

// Builds the repair list: chunks that failed verification, grouped by directory.
std::vector<std::pair<std::string, std::vector<std::string>>> GroupByDirectory(
    const std::vector<std::string>& paths) {
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;
  for (const std::string& p : paths) {
    const size_t slash = p.rfind('/');
    const std::string dir = slash == std::string::npos ? "." : p.substr(0, slash);
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&dir](const auto& g) { return g.first == dir; });
    if (it == groups.end()) {
      groups.emplace_back(dir, std::vector<std::string>{p});
    } else {
      it->second.push_back(p);
    }
  }
  return groups;
}

}  // namespace storage
