// Histogram equalization with a cached lookup table. The histogram is
// computed in parallel stripes, each stripe into its own partial histogram;
// the partials are merged after parallel_for_ returns, which happens only
// when every stripe is done.

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/core/utility.hpp>

namespace imgproc {

using Histogram = std::array<int, 256>;

class StripeHistogramBody : public cv::ParallelLoopBody {
 public:
  StripeHistogramBody(const cv::Mat& src, std::vector<Histogram>& partial, int stripeRows)
      : src_(src), partial_(&partial), stripeRows_(stripeRows) {}

  void operator()(const cv::Range& range) const override {
    for (int stripe = range.start; stripe < range.end; ++stripe) {
      Histogram& hist = (*partial_)[static_cast<size_t>(stripe)];
      const int rowEnd = std::min(src_.rows, (stripe + 1) * stripeRows_);
      for (int y = stripe * stripeRows_; y < rowEnd; ++y) {
        const uint8_t* row = src_.ptr<uint8_t>(y);
        for (int x = 0; x < src_.cols; ++x) ++hist[row[x]];
      }
    }
  }

 private:
  const cv::Mat& src_;
  std::vector<Histogram>* const partial_;
  const int stripeRows_;
};

class HistogramEqualizer {
 public:
  void equalize(const cv::Mat& src, cv::Mat& dst) {
    const int stripes = (src.rows + kStripeRows - 1) / kStripeRows;
    std::vector<Histogram> partial(static_cast<size_t>(stripes), Histogram{});
    cv::parallel_for_(cv::Range(0, stripes), StripeHistogramBody(src, partial, kStripeRows));

    Histogram total{};
    for (const Histogram& h : partial)
      for (size_t i = 0; i < total.size(); ++i) total[i] += h[i];

    const std::vector<uint8_t> lut = lutFor(total, static_cast<int>(src.total()));
    dst.create(src.rows, src.cols, cv::CV_8UC1);
    for (int y = 0; y < src.rows; ++y) {
      const uint8_t* in = src.ptr<uint8_t>(y);
      uint8_t* out = dst.ptr<uint8_t>(y);
      for (int x = 0; x < src.cols; ++x) out[x] = lut[in[x]];
    }
  }

  size_t cachedTables() const {
    cv::AutoLock lock(mutex_);
    return lutCache_.size();
  }

  uint64_t cacheHits() const {
    cv::AutoLock lock(mutex_);
    return hits_;
  }

 private:
  static constexpr int kStripeRows = 64;

  // Equalizers are shared by the camera threads; identical frames are common
  // (static scenes), so tables are cached by their histogram's checksum.
  std::vector<uint8_t> lutFor(const Histogram& hist, int pixels) {
    uint64_t key = 1469598103934665603ull;
    for (int v : hist) key = (key ^ static_cast<uint64_t>(v)) * 1099511628211ull;

    cv::AutoLock lock(mutex_);
    auto it = lutCache_.find(key);
    if (it != lutCache_.end()) {
      ++hits_;
      return it->second;
    }
    std::vector<uint8_t> lut(256);
    int cumulative = 0;
    for (size_t i = 0; i < 256; ++i) {
      cumulative += hist[i];
      lut[i] = static_cast<uint8_t>(pixels == 0 ? 0 : (255LL * cumulative) / pixels);
    }
    if (lutCache_.size() >= kMaxTables) lutCache_.erase(lutCache_.begin());
    lutCache_.emplace(key, lut);
    return lut;
  }

  static constexpr size_t kMaxTables = 32;

  mutable cv::Mutex mutex_;
  std::map<uint64_t, std::vector<uint8_t>> lutCache_;
  uint64_t hits_ = 0;
};

}  // namespace imgproc
