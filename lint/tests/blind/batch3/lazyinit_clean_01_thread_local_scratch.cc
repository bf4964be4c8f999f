// Per-thread scratch buffers for a JSON encoder used from a thread pool.
// The lazily created objects are thread_local, so each thread sees and
// fills only its own pointer; the shared registry uses a mutex.
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace json {

class ScratchArena {
 public:
  char* Allocate(size_t n) {
    buffer_.resize(used_ + n);
    char* p = buffer_.data() + used_;
    used_ += n;
    return p;
  }
  void Reset() { used_ = 0; }

 private:
  std::vector<char> buffer_;
  size_t used_ = 0;
};

class EncoderStats {
 public:
  void Add(size_t bytes) {
    std::lock_guard<std::mutex> lock(mu_);
    total_bytes_ += bytes;
  }

 private:
  std::mutex mu_;
  size_t total_bytes_ = 0;
};

inline ScratchArena* ThreadArena() {
  thread_local ScratchArena* arena = nullptr;
  if (arena == nullptr) arena = new ScratchArena();
  return arena;
}

inline std::string* ThreadOutputBuffer() {
  static thread_local std::unique_ptr<std::string> buffer;
  if (!buffer) buffer = std::make_unique<std::string>();
  return buffer.get();
}

inline std::string EncodeString(const std::string& in, EncoderStats* stats) {
  ScratchArena* arena = ThreadArena();
  arena->Reset();
  std::string* out = ThreadOutputBuffer();
  out->assign("\"");
  char* tmp = arena->Allocate(in.size());
  for (size_t i = 0; i < in.size(); ++i) tmp[i] = in[i] == '"' ? '\'' : in[i];
  out->append(tmp, in.size());
  out->push_back('"');
  stats->Add(out->size());
  return *out;
}

}  // namespace json
