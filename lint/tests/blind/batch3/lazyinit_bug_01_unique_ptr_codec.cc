// Compression context shared by RPC worker threads: the codec is created on
// first use through unique_ptr's operator bool, with no lock, while mu_
// guards the statistics next to it.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

namespace rpc {

class Codec {
 public:
  explicit Codec(int level) : level_(level) {}
  std::string Compress(const std::string& in) const {
    return in.substr(0, in.size() / (level_ + 1) + 1);
  }

 private:
  int level_;
};

class CompressionContext {
 public:
  explicit CompressionContext(int level) : level_(level) {}

  std::string Compress(const std::string& payload) {
    std::string out = codec()->Compress(payload);
    std::lock_guard<std::mutex> lock(mu_);
    bytes_in_ += payload.size();
    bytes_out_ += out.size();
    return out;
  }

  double Ratio() {
    std::lock_guard<std::mutex> lock(mu_);
    return bytes_in_ == 0 ? 1.0 : static_cast<double>(bytes_out_) / bytes_in_;
  }

 private:
  Codec* codec() {
    if (!codec_)
      codec_ = std::make_unique<Codec>(
          level_);  // EXPECT: concurrency-lazy-init-race
    return codec_.get();
  }

  const int level_;
  std::unique_ptr<Codec> codec_;
  std::mutex mu_;
  uint64_t bytes_in_ = 0;
  uint64_t bytes_out_ = 0;
};

}  // namespace rpc
