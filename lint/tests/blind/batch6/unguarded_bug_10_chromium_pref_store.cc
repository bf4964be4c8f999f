// Chromium-style JSON preference store: a sequence-affine object whose
// state is GUARDED_BY_CONTEXT(sequence_checker_). Serialization is pushed
// to the thread pool to keep disk I/O off the UI sequence.
#include <map>
#include <string>
#include <utility>

#include "mock/chromium_sequence.h"

bool WriteFileAtomically(const std::string& path, const std::string& data);

class JsonPrefStore {
 public:
  explicit JsonPrefStore(std::string path)
      : path_(std::move(path)), weak_factory_(this) {}

  void SetValue(const std::string& key, std::string value) {
    DCHECK_CALLED_ON_VALID_SEQUENCE(sequence_checker_);
    prefs_[key] = std::move(value);
    ScheduleWrite();
  }

  bool GetValue(const std::string& key, std::string* out) const {
    DCHECK_CALLED_ON_VALID_SEQUENCE(sequence_checker_);
    auto it = prefs_.find(key);
    if (it == prefs_.end()) return false;
    *out = it->second;
    return true;
  }

  // Exposed to the metrics provider, which samples it from its own timer.
  int pending_writes() const {
    return pending_writes_;  // EXPECT: concurrency-unguarded-field
  }

 private:
  void ScheduleWrite() {
    DCHECK_CALLED_ON_VALID_SEQUENCE(sequence_checker_);
    ++pending_writes_;
    base::ThreadPool::PostTask(FROM_HERE, [this, weak = weak_factory_.GetWeakPtr()] {
      std::string data = Serialize(prefs_);  // EXPECT: concurrency-unguarded-field
      bool ok = WriteFileAtomically(path_, data);
      origin_->PostTask(FROM_HERE, [weak, ok] {
        if (weak) weak->OnWriteDone(ok);
      });
    });
  }

  void OnWriteDone(bool ok) {
    DCHECK_CALLED_ON_VALID_SEQUENCE(sequence_checker_);
    --pending_writes_;
    if (!ok) ++failed_writes_;
  }

  static std::string Serialize(const std::map<std::string, std::string>& prefs) {
    std::string out = "{";
    for (const auto& [key, value] : prefs) out += "\"" + key + "\":\"" + value + "\",";
    out += "}";
    return out;
  }

  const std::string path_;
  base::SequencedTaskRunner* const origin_ = base::SequencedTaskRunner::GetCurrentDefault();

  SEQUENCE_CHECKER(sequence_checker_);
  std::map<std::string, std::string> prefs_ GUARDED_BY_CONTEXT(sequence_checker_);
  int pending_writes_ GUARDED_BY_CONTEXT(sequence_checker_) = 0;
  int failed_writes_ GUARDED_BY_CONTEXT(sequence_checker_) = 0;

  base::WeakPtrFactory<JsonPrefStore> weak_factory_;
};
