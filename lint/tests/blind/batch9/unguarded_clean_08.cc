// A parallel log indexer: N worker threads each scan a slice of the input
// and count tokens into their own slot; a thread_local scratch buffer avoids
// reallocations; the slots are merged after every worker has been joined.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

namespace indexer {

struct Partial {
  std::unordered_map<std::string, uint64_t> counts;
  uint64_t lines = 0;
  uint64_t bytes = 0;
};

static std::vector<std::string_view>& Scratch() {
  thread_local std::vector<std::string_view> scratch;
  return scratch;
}

static void Tokenize(std::string_view line, std::vector<std::string_view>* out) {
  out->clear();
  size_t start = 0;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || line[i] == ' ' || line[i] == '\t') {
      if (i > start) out->push_back(line.substr(start, i - start));
      start = i + 1;
    }
  }
}

class ParallelIndexer {
 public:
  explicit ParallelIndexer(int num_workers) : num_workers_(num_workers) {}

  std::map<std::string, uint64_t> Run(const std::vector<std::string>& lines) {
    partials_.assign(static_cast<size_t>(num_workers_), Partial{});
    std::vector<std::thread> workers;
    workers.reserve(static_cast<size_t>(num_workers_));
    const size_t per = (lines.size() + num_workers_ - 1) / num_workers_;
    for (int w = 0; w < num_workers_; ++w) {
      const size_t begin = std::min(lines.size(), per * static_cast<size_t>(w));
      const size_t end = std::min(lines.size(), begin + per);
      workers.emplace_back([this, &lines, w, begin, end] {
        Partial& mine = partials_[static_cast<size_t>(w)];
        std::vector<std::string_view>& tokens = Scratch();
        for (size_t i = begin; i < end; ++i) {
          Tokenize(lines[i], &tokens);
          for (std::string_view t : tokens) ++mine.counts[std::string(t)];
          ++mine.lines;
          mine.bytes += lines[i].size();
        }
        ReportProgress(end - begin);
      });
    }
    for (std::thread& t : workers) t.join();

    std::map<std::string, uint64_t> merged;
    for (const Partial& p : partials_) {
      for (const auto& [token, n] : p.counts) merged[token] += n;
      total_lines_ += p.lines;
    }
    return merged;
  }

  uint64_t total_lines() const { return total_lines_; }

  uint64_t progress() {
    std::lock_guard<std::mutex> lock(progress_mu_);
    return progress_;
  }

 private:
  void ReportProgress(size_t n) {
    std::lock_guard<std::mutex> lock(progress_mu_);
    progress_ += n;
  }

  const int num_workers_;
  std::vector<Partial> partials_;  // slot w is written only by worker w, read after join
  uint64_t total_lines_ = 0;       // written by Run() after the join

  std::mutex progress_mu_;
  uint64_t progress_ = 0;
};

// Formats the `n` most frequent tokens, most frequent first; ties by token.
std::string FormatTopTokens(const std::map<std::string, uint64_t>& counts, size_t n) {
  std::vector<std::pair<std::string, uint64_t>> sorted(counts.begin(), counts.end());
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    if (a.second != b.second) return a.second > b.second;
    return a.first < b.first;
  });
  if (sorted.size() > n) sorted.resize(n);
  std::string out;
  for (const auto& [token, count] : sorted) {
    out += token;
    out += '\t';
    out += std::to_string(count);
    out += '\n';
  }
  return out;
}

std::string IndexAndReport(const std::vector<std::string>& lines, int workers) {
  ParallelIndexer indexer(workers);
  std::map<std::string, uint64_t> counts = indexer.Run(lines);
  return std::to_string(indexer.total_lines()) + " lines\n" + FormatTopTokens(counts, 20);
}

}  // namespace indexer
