// DuckDB-style remote file prefetch: a helper thread downloads the footer
// while the caller validates the header it has already read; a bad magic
// number throws an IOException past the still-joinable helper.
#include <cstring>

#include "mock/duckdb_common.h"

namespace duckdb {

struct ParquetFooter {
  idx_t row_groups = 0;
  vector<char> data;
};

class HTTPFileHandle {
 public:
  virtual ~HTTPFileHandle() = default;
  virtual void ReadRange(idx_t offset, idx_t length, char* out) = 0;
  virtual idx_t FileSize() = 0;
};

ParquetFooter ReadFooterWithPrefetch(HTTPFileHandle& handle) {
  ParquetFooter footer;
  idx_t size = handle.FileSize();
  footer.data.resize(8192);
  char magic[4];
  handle.ReadRange(0, 4, magic);

  // Start the footer download early; it is the slow part.
  thread prefetch([&handle, &footer, size] {  // EXPECT: concurrency-thread-leak
    handle.ReadRange(size - footer.data.size(), footer.data.size(), footer.data.data());
  });

  if (memcmp(magic, "PAR1", 4) != 0) {
    throw IOException("File is not a parquet file: bad magic bytes");
  }

  prefetch.join();
  footer.row_groups = static_cast<idx_t>(footer.data[0]);
  return footer;
}

class ParquetMetadataCache {
 public:
  ParquetFooter Get(HTTPFileHandle& handle, const string& path) {
    {
      lock_guard<mutex> guard(lock);
      auto entry = cache.find(path);
      if (entry != cache.end()) return entry->second;
    }
    ParquetFooter footer = ReadFooterWithPrefetch(handle);
    lock_guard<mutex> guard(lock);
    cache[path] = footer;
    return footer;
  }

 private:
  mutex lock;
  unordered_map<string, ParquetFooter> cache;
};

}  // namespace duckdb
