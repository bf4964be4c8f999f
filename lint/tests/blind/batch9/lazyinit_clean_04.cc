// A compression service: worker threads compress chunks using a per-thread
// lazily created codec context (thread_local), and the command-line report
// builder, which has no synchronization and is used by one thread only,
// fills its formatter lazily.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace compress {

class CodecContext {
 public:
  explicit CodecContext(int level) : level_(level), window_(1 << 16) {}
  std::string Compress(const std::string& in) {
    std::string out;
    out.reserve(in.size() / 2 + 16);
    char prev = 0;
    for (char c : in) {
      if (c != prev) out.push_back(c);
      prev = c;
    }
    window_[0] = static_cast<uint8_t>(level_);
    return out;
  }

 private:
  const int level_;
  std::vector<uint8_t> window_;
};

// Each thread gets its own context the first time it compresses.
static CodecContext& ThreadCodec(int level) {
  thread_local std::unique_ptr<CodecContext> ctx;
  if (!ctx) ctx = std::make_unique<CodecContext>(level);
  return *ctx;
}

class ChunkCompressor {
 public:
  explicit ChunkCompressor(int level) : level_(level) {}

  std::vector<std::string> CompressAll(const std::vector<std::string>& chunks, int threads) {
    std::vector<std::string> out(chunks.size());
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
      workers.emplace_back([this, &chunks, &out, t, threads] {
        for (size_t i = static_cast<size_t>(t); i < chunks.size(); i += static_cast<size_t>(threads)) {
          out[i] = ThreadCodec(level_).Compress(chunks[i]);
        }
        std::lock_guard<std::mutex> lock(mu_);
        ++threads_finished_;
      });
    }
    for (std::thread& w : workers) w.join();
    return out;
  }

  int threads_finished() {
    std::lock_guard<std::mutex> lock(mu_);
    return threads_finished_;
  }

 private:
  const int level_;
  std::mutex mu_;
  int threads_finished_ = 0;
};

// Builds the human-readable summary printed by the CLI; single-threaded by design.
class ReportBuilder {
 public:
  void AddRow(const std::string& name, size_t in_bytes, size_t out_bytes) {
    Formatter().AppendRow(name, in_bytes, out_bytes);
  }

  std::string Finish() { return Formatter().text(); }

 private:
  class TableFormatter {
   public:
    void AppendRow(const std::string& name, size_t in_bytes, size_t out_bytes) {
      text_ += name + "\t" + std::to_string(in_bytes) + " -> " + std::to_string(out_bytes) + "\n";
    }
    const std::string& text() const { return text_; }

   private:
    std::string text_;
  };

  TableFormatter& Formatter() {
    if (formatter_ == nullptr) formatter_ = std::make_unique<TableFormatter>();
    return *formatter_;
  }

  std::unique_ptr<TableFormatter> formatter_;
};

std::string CompressAndReport(const std::vector<std::string>& chunks) {
  ChunkCompressor compressor(6);
  std::vector<std::string> out = compressor.CompressAll(chunks, 4);
  ReportBuilder report;
  for (size_t i = 0; i < chunks.size(); ++i) {
    report.AddRow("chunk" + std::to_string(i), chunks[i].size(), out[i].size());
  }
  return report.Finish();
}

}  // namespace compress
