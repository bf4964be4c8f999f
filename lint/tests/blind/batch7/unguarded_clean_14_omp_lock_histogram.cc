/* Intensity histogram of a volume renderer's transfer-function editor,
 * filled by OpenMP worker threads. Each worker accumulates into its own
 * local bins inside the parallel loop and merges them under the histogram's
 * omp lock; every read of the shared bins takes the same lock. */

#include <cstddef>
#include <cstdint>
#include <vector>

#include "mock/omp_lock.h"

namespace volren {

class IntensityHistogram {
 public:
  explicit IntensityHistogram(size_t num_bins) : num_bins_(num_bins), bins_(num_bins, 0) {
    omp_init_lock(&lock_);
  }
  ~IntensityHistogram() { omp_destroy_lock(&lock_); }
  IntensityHistogram(const IntensityHistogram&) = delete;
  IntensityHistogram& operator=(const IntensityHistogram&) = delete;

  void Accumulate(const uint16_t* voxels, size_t count) {
#pragma omp parallel
    {
      std::vector<uint64_t> local(num_bins_, 0);
#pragma omp for
      for (long i = 0; i < static_cast<long>(count); ++i) {
        local[voxels[i] * num_bins_ / 65536]++;
      }
      Merge(local);
    }
  }

  uint64_t Total() {
    omp_set_lock(&lock_);
    const uint64_t total = samples_;
    omp_unset_lock(&lock_);
    return total;
  }

  std::vector<uint64_t> Snapshot() {
    omp_set_lock(&lock_);
    std::vector<uint64_t> copy = bins_;
    omp_unset_lock(&lock_);
    return copy;
  }

  void Reset() {
    omp_set_lock(&lock_);
    for (uint64_t& bin : bins_) bin = 0;
    samples_ = 0;
    omp_unset_lock(&lock_);
  }

  size_t num_bins() const { return num_bins_; }

 private:
  void Merge(const std::vector<uint64_t>& local) {
    omp_set_lock(&lock_);
    for (size_t b = 0; b < num_bins_; ++b) {
      bins_[b] += local[b];
      samples_ += local[b];
    }
    omp_unset_lock(&lock_);
  }

  const size_t num_bins_;
  omp_lock_t lock_;
  std::vector<uint64_t> bins_;
  uint64_t samples_ = 0;
};

}  // namespace volren
