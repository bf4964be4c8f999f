// Parallel reduction of a ranking service's feature scores: each worker
// writes only its own slot of `partial` and the caller combines the slots
// after joining every worker (the fix the closure check's page recommends).

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <thread>
#include <vector>

#include "mock/feature_store.h"

namespace ranking {

// Below this many documents the reduction runs on the calling thread.
constexpr size_t kMinParallelDocs = 4096;

double SumScoresSerial(const FeatureStore& store, const std::vector<DocId>& docs) {
  double sum = 0.0;
  for (DocId doc : docs) sum += store.Score(doc);
  return sum;
}

double SumScores(const FeatureStore& store, const std::vector<DocId>& docs, unsigned num_workers) {
  if (docs.empty()) return 0.0;
  if (docs.size() < kMinParallelDocs || num_workers <= 1) return SumScoresSerial(store, docs);
  const size_t chunk = (docs.size() + num_workers - 1) / num_workers;
  std::vector<double> partial(num_workers, 0.0);
  std::vector<std::thread> workers;
  workers.reserve(num_workers);
  for (unsigned w = 0; w < num_workers; ++w) {
    workers.emplace_back([&store, &docs, &partial, w, chunk] {
      const size_t begin = std::min(docs.size(), w * chunk);
      const size_t end = std::min(docs.size(), begin + chunk);
      double sum = 0.0;
      for (size_t i = begin; i < end; ++i) sum += store.Score(docs[i]);
      partial[w] = sum;
    });
  }
  for (std::thread& worker : workers) worker.join();
  return std::accumulate(partial.begin(), partial.end(), 0.0);
}

}  // namespace ranking
