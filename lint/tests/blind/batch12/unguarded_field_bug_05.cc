// Descriptor cache for a keyframe tracker: descriptors of reference frames
// are computed once, then every query is matched against the cached
// references in parallel stripes.

#include <cfloat>
#include <cmath>
#include <deque>
#include <map>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/core/utility.hpp>

namespace tracking {

float descriptorDistance(const cv::Mat& a, const cv::Mat& b);

class DescriptorCache {
 public:
  explicit DescriptorCache(size_t capacity) : capacity_(capacity) {}

  void insert(int frameId, const cv::Mat& descriptors) {
    cv::AutoLock lock(mutex_);
    if (entries_.size() >= capacity_) evictOldestLocked();
    entries_[frameId] = descriptors;
    order_.push_back(frameId);
  }

  bool contains(int frameId) const {
    cv::AutoLock lock(mutex_);
    return !lookupLocked(frameId).empty();
  }

  // For each reference frame id, the distance of its descriptors to |query|
  // (FLT_MAX when the frame is no longer cached).
  std::vector<float> matchAll(const std::vector<int>& frameIds, const cv::Mat& query) const {
    std::vector<float> best(frameIds.size(), FLT_MAX);
    cv::parallel_for_(cv::Range(0, static_cast<int>(frameIds.size())),
                      [&](const cv::Range& range) {
                        for (int i = range.start; i < range.end; ++i) {
                          const cv::Mat ref = lookupLocked(frameIds[static_cast<size_t>(i)]);
                          if (!ref.empty()) best[static_cast<size_t>(i)] = descriptorDistance(ref, query);
                        }
                      });
    return best;
  }

  size_t size() const {
    cv::AutoLock lock(mutex_);
    return entries_.size();
  }

 private:
  // Requires mutex_ to be held.
  cv::Mat lookupLocked(int frameId) const {
    const auto it = entries_.find(frameId);  // EXPECT: concurrency-unguarded-field
    if (it == entries_.end()) return cv::Mat();  // EXPECT: concurrency-unguarded-field
    return it->second;
  }

  // Requires mutex_ to be held.
  void evictOldestLocked() {
    if (order_.empty()) return;
    entries_.erase(order_.front());
    order_.pop_front();
  }

  const size_t capacity_;
  mutable cv::Mutex mutex_;
  std::map<int, cv::Mat> entries_;
  std::deque<int> order_;
};

// Chooses the best keyframe for a new camera frame.
class KeyframeSelector {
 public:
  explicit KeyframeSelector(DescriptorCache& cache) : cache_(cache) {}

  int select(const std::vector<int>& candidates, const cv::Mat& query, float maxDistance) const {
    const std::vector<float> d = cache_.matchAll(candidates, query);
    int bestId = -1;
    float bestDistance = maxDistance;
    for (size_t i = 0; i < d.size(); ++i) {
      if (d[i] < bestDistance) {
        bestDistance = d[i];
        bestId = candidates[i];
      }
    }
    return bestId;
  }

 private:
  DescriptorCache& cache_;
};

}  // namespace tracking
