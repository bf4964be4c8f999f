// Stand-in for a ranking service's feature store (read-only once loaded).
// Declarations only.
#ifndef BATCH7_MOCK_FEATURE_STORE_H_
#define BATCH7_MOCK_FEATURE_STORE_H_

#include <cstdint>

namespace ranking {

using DocId = uint64_t;

class FeatureStore {
 public:
  virtual ~FeatureStore() = default;
  virtual double Score(DocId doc) const = 0;
};

}  // namespace ranking

#endif  // BATCH7_MOCK_FEATURE_STORE_H_
