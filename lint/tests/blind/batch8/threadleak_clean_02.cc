/*
 * bulk_loader.cc - loads a CSV into the column store. The second half of the
 * input is parsed on a helper thread while the first half is encoded.
 */

#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace columnar {

struct Chunk {
  std::vector<std::string> rows;
};

Chunk ParseChunk(const std::string& text, size_t begin, size_t end);
void EncodeChunk(const Chunk& chunk);

class LoadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

constexpr size_t kMaxRowsPerChunk = 1000000;

size_t BulkLoad(const std::string& text) {
  if (text.empty()) throw LoadError("empty input");
  const size_t mid = text.find('\n', text.size() / 2);
  if (mid == std::string::npos) {
    Chunk only = ParseChunk(text, 0, text.size());
    EncodeChunk(only);
    return only.rows.size();
  }

  Chunk second;
  std::thread parser([&second, &text, mid] {
    second = ParseChunk(text, mid + 1, text.size());
  });

  Chunk first = ParseChunk(text, 0, mid);
  try {
    if (first.rows.size() > kMaxRowsPerChunk) {
      throw LoadError("chunk too large");
    }
    EncodeChunk(first);
  } catch (...) {
    parser.join();
    throw;
  }
  if (first.rows.empty()) {
    parser.join();
    return 0;
  }
  parser.join();

  if (second.rows.size() > kMaxRowsPerChunk) {
    throw LoadError("chunk too large");
  }
  EncodeChunk(second);
  return first.rows.size() + second.rows.size();
}

}  // namespace columnar
