// Histogram over shards: each thread writes only its own slot counts[i] of
// a vector captured by reference, and the slots are summed after every
// thread is joined. The other by-reference captures are only read.
#include <cstdint>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

namespace stats {

inline uint64_t CountWords(const std::string& text) {
  uint64_t n = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

inline uint64_t ParallelWordCount(const std::vector<std::string>& documents, size_t num_threads) {
  std::vector<uint64_t> counts(num_threads, 0);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < num_threads; ++i) {
    threads.emplace_back([&counts, &documents, i, num_threads] {
      for (size_t d = i; d < documents.size(); d += num_threads) {
        counts[i] += CountWords(documents[d]);
      }
    });
  }
  for (std::thread& t : threads) t.join();
  return std::accumulate(counts.begin(), counts.end(), uint64_t{0});
}

}  // namespace stats
