// A file-format dataset in the style of Arrow datasets: the schema is
// inferred from the first fragment on first use, and each scan spawns one
// task per fragment on the CPU pool; the tasks share a lazily created
// decoder.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "arrow/status.h"
#include "arrow/util/mutex.h"
#include "arrow/util/thread_pool.h"

namespace arrow {
namespace dataset {

struct Field {
  std::string name;
  std::string type;
};

struct Schema {
  std::vector<Field> fields;
};

struct Fragment {
  std::string path;
  int64_t num_rows;
};

struct DecodeOptions {
  int64_t block_size = 1 << 20;
  bool use_threads = true;
};

class Decoder {
 public:
  explicit Decoder(DecodeOptions options) : options_(options) {}
  int64_t Decode(const Fragment& fragment) const {
    return fragment.num_rows * (options_.block_size > 0 ? 1 : 0);
  }

 private:
  const DecodeOptions options_;
};

class FileDataset {
 public:
  FileDataset(std::vector<Fragment> fragments, DecodeOptions options,
              internal::Executor* executor)
      : fragments_(std::move(fragments)), options_(options), executor_(executor) {}

  // Called by every scanner before it starts; may run on several threads.
  const Schema& schema() {
    if (!cached_schema_.has_value()) {  // EXPECT: concurrency-lazy-init-race
      cached_schema_.emplace(InferSchema());
    }
    return *cached_schema_;
  }

  Status Scan() {
    for (const Fragment& fragment : fragments_) {
      Status st = executor_->Spawn([this, fragment] {
        if (!decoder_) decoder_.reset(new Decoder(options_));  // EXPECT: concurrency-lazy-init-race
        const int64_t rows = decoder_->Decode(fragment);
        auto guard = mutex_.Lock();
        rows_scanned_ += rows;
      });
      ARROW_RETURN_NOT_OK(st);
    }
    return Status::OK();
  }

  int64_t rows_scanned() {
    auto guard = mutex_.Lock();
    return rows_scanned_;
  }

 private:
  Schema InferSchema() const {
    Schema schema;
    if (fragments_.empty()) return schema;
    schema.fields.push_back({"path", "utf8"});
    schema.fields.push_back({"row", "int64"});
    return schema;
  }

  const std::vector<Fragment> fragments_;
  const DecodeOptions options_;
  internal::Executor* const executor_;

  std::optional<Schema> cached_schema_;
  std::unique_ptr<Decoder> decoder_;

  util::Mutex mutex_;
  int64_t rows_scanned_ = 0;
};

Status ScanAll(FileDataset* dataset) {
  const Schema& schema = dataset->schema();
  if (schema.fields.empty()) return Status::Invalid("dataset has no fragments");
  return dataset->Scan();
}

}  // namespace dataset
}  // namespace arrow
