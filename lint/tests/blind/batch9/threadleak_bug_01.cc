// Uploads a database snapshot to object storage: a prefetch thread reads the
// next chunk from disk while the current one is uploading.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace snapshot {

struct Chunk {
  uint64_t offset = 0;
  std::string data;
};

enum class UploadResult { kOk, kReadError, kUploadError, kAborted };

class ObjectStore {
 public:
  virtual ~ObjectStore() = default;
  virtual bool PutPart(const std::string& object, int part, const std::string& data) = 0;
  virtual bool Complete(const std::string& object, int parts) = 0;
};

static bool ReadChunk(std::ifstream& in, uint64_t offset, size_t size, Chunk* out) {
  out->offset = offset;
  out->data.resize(size);
  in.seekg(static_cast<std::streamoff>(offset));
  in.read(&out->data[0], static_cast<std::streamsize>(size));
  out->data.resize(static_cast<size_t>(in.gcount()));
  return !in.bad();
}

class SnapshotUploader {
 public:
  SnapshotUploader(ObjectStore* store, size_t chunk_size) : store_(store), chunk_size_(chunk_size) {}

  UploadResult Upload(const std::string& path, const std::string& object, uint64_t size) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return UploadResult::kReadError;

    Chunk current;
    if (!ReadChunk(in, 0, chunk_size_, &current)) return UploadResult::kReadError;
    int part = 1;
    for (uint64_t offset = chunk_size_;; offset += chunk_size_) {
      Chunk next;
      bool next_ok = true;
      const bool has_next = offset < size;
      std::thread prefetch([&] {  // EXPECT: concurrency-thread-leak
        if (has_next) next_ok = ReadChunk(in, offset, chunk_size_, &next);
      });
      if (!store_->PutPart(object, part, current.data)) {
        std::fprintf(stderr, "upload of part %d failed\n", part);
        return UploadResult::kUploadError;
      }
      prefetch.join();
      if (!next_ok) return UploadResult::kReadError;
      if (!has_next) break;
      current = std::move(next);
      ++part;
      RecordProgress(offset);
    }
    return store_->Complete(object, part) ? UploadResult::kOk : UploadResult::kUploadError;
  }

  uint64_t uploaded_bytes() {
    std::lock_guard<std::mutex> lock(mu_);
    return uploaded_bytes_;
  }

 private:
  void RecordProgress(uint64_t offset) {
    std::lock_guard<std::mutex> lock(mu_);
    uploaded_bytes_ = offset;
  }

  ObjectStore* const store_;
  const size_t chunk_size_;
  std::mutex mu_;
  uint64_t uploaded_bytes_ = 0;
};

const char* ResultName(UploadResult r) {
  switch (r) {
    case UploadResult::kOk: return "ok";
    case UploadResult::kReadError: return "read error";
    case UploadResult::kUploadError: return "upload error";
    case UploadResult::kAborted: return "aborted";
  }
  return "?";
}

int UploadAll(SnapshotUploader& uploader, const std::vector<std::pair<std::string, uint64_t>>& files) {
  int failures = 0;
  for (const auto& [path, size] : files) {
    UploadResult r = uploader.Upload(path, "snapshots/" + path, size);
    if (r != UploadResult::kOk) {
      std::fprintf(stderr, "%s: %s\n", path.c_str(), ResultName(r));
      ++failures;
    }
  }
  return failures;
}

}  // namespace snapshot
