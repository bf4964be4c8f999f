// Codec registry of a media framework on Apple platforms. Registration
// happens once per process through dispatch_once_f; the default tables are
// function-local statics, which C++ initializes exactly once; the scratch
// buffers are per thread.

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <dispatch/dispatch.h>
#include <os/lock.h>

namespace media {

struct CodecInfo {
  std::string name;
  uint32_t fourcc = 0;
  bool hardware = false;
};

class CodecRegistry {
 public:
  static CodecRegistry& Shared() {
    static dispatch_once_t once;
    dispatch_once_f(&once, nullptr, &CodecRegistry::CreateShared);
    return *shared_;
  }

  bool Find(uint32_t fourcc, CodecInfo* out) {
    os_unfair_lock_lock(&lock_);
    auto it = codecs_.find(fourcc);
    const bool found = it != codecs_.end();
    if (found) *out = it->second;
    os_unfair_lock_unlock(&lock_);
    return found;
  }

  void Register(const CodecInfo& info) {
    os_unfair_lock_lock(&lock_);
    codecs_.emplace(info.fourcc, info);
    os_unfair_lock_unlock(&lock_);
  }

 private:
  static void CreateShared(void*) {
    shared_ = new CodecRegistry();
    for (const CodecInfo& info : DefaultCodecs()) shared_->Register(info);
  }

  static const std::vector<CodecInfo>& DefaultCodecs() {
    static const std::vector<CodecInfo> kDefaults = {
        {"avc1", 0x61766331, true},
        {"hvc1", 0x68766331, true},
        {"ap4h", 0x61703468, false},
    };
    return kDefaults;
  }

  static CodecRegistry* shared_;

  os_unfair_lock lock_ = OS_UNFAIR_LOCK_INIT;
  std::map<uint32_t, CodecInfo> codecs_;
};

CodecRegistry* CodecRegistry::shared_ = nullptr;

// Decoder scratch space: each decoding thread keeps its own buffer.
inline uint8_t* ScratchBuffer(size_t bytes) {
  thread_local std::unique_ptr<std::vector<uint8_t>> scratch;
  if (!scratch) scratch = std::make_unique<std::vector<uint8_t>>();
  if (scratch->size() < bytes) scratch->resize(bytes);
  return scratch->data();
}

// The shared decode queue, created on first use.
inline dispatch_queue_t DecodeQueue() {
  static dispatch_queue_t queue = dispatch_queue_create("com.example.media.decode", DISPATCH_QUEUE_CONCURRENT);
  return queue;
}

struct DecodeJob {
  uint32_t fourcc;
  size_t bytes;
};

inline void DecodeTrampoline(void* context) {
  std::unique_ptr<DecodeJob> job(static_cast<DecodeJob*>(context));
  CodecInfo info;
  if (!CodecRegistry::Shared().Find(job->fourcc, &info)) return;
  uint8_t* scratch = ScratchBuffer(job->bytes);
  (void)scratch;
}

inline void SubmitDecode(uint32_t fourcc, size_t bytes) {
  dispatch_async_f(DecodeQueue(), new DecodeJob{fourcc, bytes}, &DecodeTrampoline);
}

}  // namespace media
