// Offline map tile renderer: each render job configures itself, starts the
// rasterizer thread, and only touches the shared job state again after the
// thread has been joined. The rasterizer's scratch buffers are its own.
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace tiles {

enum class TileFormat { kPng, kWebp, kMvt };

struct TileKey {
  int z = 0;
  int x = 0;
  int y = 0;
};

// A job renders one tile at a time and is not shared between caller
// threads; only total_bytes() is read from the status thread.
class TileRenderJob {
 public:
  explicit TileRenderJob(TileFormat format) : format_(format) {}

  // Renders one tile synchronously on a helper thread (the caller's thread
  // must stay responsive to cancellation signals).
  bool Render(const TileKey& key, std::vector<uint8_t>* out) {
    // Written before the thread starts: the thread start orders these.
    key_ = key;
    style_ = key.z > 12 ? "detailed" : "overview";
    rendered_bytes_ = 0;

    std::thread raster([this] {
      scratch_.assign(256 * 256, 0);
      for (size_t i = 0; i < scratch_.size(); ++i) {
        scratch_[i] = static_cast<uint8_t>((key_.x + key_.y + static_cast<int>(i)) & 0xff);
      }
      rendered_bytes_ = scratch_.size() + style_.size();
    });
    raster.join();

    // After the join: the rasterizer is done with everything.
    out->assign(scratch_.begin(), scratch_.end());
    ++renders_;
    std::lock_guard<std::mutex> lock(stats_mu_);
    total_bytes_ += rendered_bytes_;
    return rendered_bytes_ > 0;
  }

  uint64_t total_bytes() {
    std::lock_guard<std::mutex> lock(stats_mu_);
    return total_bytes_;
  }

  TileFormat format() const { return format_; }

 private:
  const TileFormat format_;
  TileKey key_;
  std::string style_;
  size_t rendered_bytes_ = 0;
  std::vector<uint8_t> scratch_;  // only the rasterizer closure touches it during a render
  int renders_ = 0;
  std::mutex stats_mu_;
  uint64_t total_bytes_ = 0;
};

std::string TilePath(const TileKey& k, TileFormat f) {
  const char* ext = f == TileFormat::kPng ? "png" : f == TileFormat::kWebp ? "webp" : "mvt";
  return std::to_string(k.z) + "/" + std::to_string(k.x) + "/" + std::to_string(k.y) + "." + ext;
}

int RenderPyramid(TileRenderJob& job, int max_zoom) {
  int ok = 0;
  std::vector<uint8_t> buf;
  for (int z = 0; z <= max_zoom; ++z) {
    if (job.Render(TileKey{z, 0, 0}, &buf)) ++ok;
  }
  return ok;
}

}  // namespace tiles
