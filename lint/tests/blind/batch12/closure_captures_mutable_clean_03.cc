// Per-pixel gain correction for a camera pipeline. Rows are processed in
// parallel stripes; each stripe writes its own rows of the output and its
// own slot of the per-stripe statistics, which are summed once
// parallel_for_ has returned.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/core/utility.hpp>

namespace camera {

struct GainStats {
  uint64_t clipped = 0;
  double sum = 0.0;
};

class GainCorrector {
 public:
  explicit GainCorrector(std::vector<float> gains) : gains_(std::move(gains)) {}

  GainStats apply(const cv::Mat& src, cv::Mat& dst) const {
    dst.create(src.rows, src.cols, cv::CV_8UC1);
    const int stripes = std::max(1, cv::getNumThreads());
    const int rowsPerStripe = (src.rows + stripes - 1) / stripes;
    std::vector<GainStats> perStripe(static_cast<size_t>(stripes));

    cv::parallel_for_(cv::Range(0, stripes), [&](const cv::Range& range) {
      for (int s = range.start; s < range.end; ++s) {
        GainStats& st = perStripe[static_cast<size_t>(s)];
        const int rowEnd = std::min(src.rows, (s + 1) * rowsPerStripe);
        for (int y = s * rowsPerStripe; y < rowEnd; ++y) {
          const uint8_t* in = src.ptr<uint8_t>(y);
          uint8_t* out = dst.ptr<uint8_t>(y);
          for (int x = 0; x < src.cols; ++x) {
            float v = static_cast<float>(in[x]) * gains_[static_cast<size_t>(x) % gains_.size()];
            if (v > 255.0f) {
              v = 255.0f;
              ++st.clipped;
            }
            out[x] = static_cast<uint8_t>(v);
            st.sum += v;
          }
        }
      }
    });

    GainStats total;
    for (const GainStats& st : perStripe) {
      total.clipped += st.clipped;
      total.sum += st.sum;
    }
    return total;
  }

 private:
  const std::vector<float> gains_;
};

// Holds the current gain table; the calibration tool replaces it while the
// capture thread keeps correcting frames with whichever table it fetched.
class GainTable {
 public:
  void set(std::vector<float> gains) {
    auto corrector = std::make_shared<const GainCorrector>(std::move(gains));
    cv::AutoLock lock(mutex_);
    current_ = std::move(corrector);
    ++version_;
  }

  std::shared_ptr<const GainCorrector> get() const {
    cv::AutoLock lock(mutex_);
    return current_;
  }

  uint64_t version() const {
    cv::AutoLock lock(mutex_);
    return version_;
  }

 private:
  mutable cv::Mutex mutex_;
  std::shared_ptr<const GainCorrector> current_;
  uint64_t version_ = 0;
};

// Capture thread: one call per frame.
inline GainStats correctFrame(const GainTable& table, const cv::Mat& raw, cv::Mat& out) {
  const std::shared_ptr<const GainCorrector> corrector = table.get();
  if (corrector == nullptr) {
    out = raw.clone();
    return GainStats{};
  }
  return corrector->apply(raw, out);
}

}  // namespace camera
