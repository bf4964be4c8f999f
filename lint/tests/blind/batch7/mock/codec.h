// Stand-in for a compression library's codec interface (the code under
// test). Declarations only.
#ifndef BATCH7_MOCK_CODEC_H_
#define BATCH7_MOCK_CODEC_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace zcodec {

enum class CpuPath { kScalar, kSse42, kAvx2 };

// Reads ZCODEC_FORCE_CPU from the environment on every call.
CpuPath SelectedCpuPath();

struct Lz4Codec {
  static std::vector<uint8_t> Compress(const std::vector<uint8_t>& in);
  static std::vector<uint8_t> Decompress(const std::vector<uint8_t>& in);
};

struct ZstdCodec {
  static std::vector<uint8_t> Compress(const std::vector<uint8_t>& in);
  static std::vector<uint8_t> Decompress(const std::vector<uint8_t>& in);
};

class ShmRing {
 public:
  explicit ShmRing(const std::string& path, size_t capacity);
  bool Push(const std::vector<uint8_t>& frame);
  bool Pop(std::vector<uint8_t>* frame);
};

}  // namespace zcodec

#endif  // BATCH7_MOCK_CODEC_H_
