#include "client/case_journal.h"

#include <sys/mman.h>

#include <cstring>
#include <utility>

#include "client/test_case.h"

namespace lockstep::internal {
namespace {

enum Tag : char {
  kInteger = 'I',
  kFloat = 'F',
  kBoolean = 'B',
  kBytes = 'Y',
  kSpanStart = 'S',
  kSpanEnd = 'E',
  kDraw = 'D',
  kNote = 'N',
  kFinish = 'R',
};

constexpr size_t kHeader = 64;  // the committed length, cache-line aligned

// Reads the records back; stops at the first one cut short.
class Reader {
 public:
  Reader(const char* data, size_t size) : data_(data), size_(size) {}
  bool done() const { return at_ >= size_ || broken_; }
  template <typename T>
  T Get() {
    T value{};
    if (at_ + sizeof(T) > size_) {
      broken_ = true;
      return value;
    }
    std::memcpy(&value, data_ + at_, sizeof(T));
    at_ += sizeof(T);
    return value;
  }
  std::string GetString() {
    uint32_t size = Get<uint32_t>();
    if (broken_ || at_ + size > size_) {
      broken_ = true;
      return "";
    }
    std::string text(data_ + at_, size);
    at_ += size;
    return text;
  }
  bool broken() const { return broken_; }

 private:
  const char* const data_;
  const size_t size_;
  size_t at_ = 0;
  bool broken_ = false;
};

}  // namespace

CaseJournal::CaseJournal() {
  void* memory = mmap(nullptr, kCapacity, PROT_READ | PROT_WRITE,
                      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (memory == MAP_FAILED) return;
  memory_ = static_cast<char*>(memory);
  committed_ = new (memory_) std::atomic<uint64_t>(0);
}

CaseJournal::~CaseJournal() {
  if (memory_ != nullptr) munmap(memory_, kCapacity);
}

void CaseJournal::Reset() {
  if (committed_ != nullptr) committed_->store(0, std::memory_order_relaxed);
  pending_ = 0;
  overflowed_ = false;
}

void CaseJournal::Append(const void* data, size_t size) {
  if (memory_ == nullptr || overflowed_) return;
  size_t at = kHeader + committed_->load(std::memory_order_relaxed) + pending_;
  if (at + size > kCapacity) {
    overflowed_ = true;
    return;
  }
  std::memcpy(memory_ + at, data, size);
  pending_ += size;
}

void CaseJournal::AppendString(std::string_view text) {
  uint32_t size = static_cast<uint32_t>(text.size());
  Append(&size, sizeof size);
  Append(text.data(), text.size());
}

void CaseJournal::Commit() {
  if (memory_ == nullptr || overflowed_) return;
  committed_->fetch_add(pending_, std::memory_order_release);
  pending_ = 0;
}

void CaseJournal::Integer(int64_t min, int64_t max) {
  char tag = kInteger;
  Append(&tag, 1);
  Append(&min, sizeof min);
  Append(&max, sizeof max);
  Commit();
}

void CaseJournal::Float(double min, double max, bool allow_nan,
                        bool allow_infinity) {
  char tag = kFloat;
  char flags =
      static_cast<char>((allow_nan ? 1 : 0) | (allow_infinity ? 2 : 0));
  Append(&tag, 1);
  Append(&min, sizeof min);
  Append(&max, sizeof max);
  Append(&flags, 1);
  Commit();
}

void CaseJournal::Boolean(double probability) {
  char tag = kBoolean;
  Append(&tag, 1);
  Append(&probability, sizeof probability);
  Commit();
}

void CaseJournal::Bytes(uint32_t min_size, uint32_t max_size) {
  char tag = kBytes;
  Append(&tag, 1);
  Append(&min_size, sizeof min_size);
  Append(&max_size, sizeof max_size);
  Commit();
}

void CaseJournal::SpanStarts(std::string_view label) {
  char tag = kSpanStart;
  Append(&tag, 1);
  AppendString(label);
  Commit();
}

void CaseJournal::SpanEnds() {
  char tag = kSpanEnd;
  Append(&tag, 1);
  Commit();
}

void CaseJournal::Draw(std::string_view name, std::string_view value) {
  char tag = kDraw;
  Append(&tag, 1);
  AppendString(name);
  AppendString(value);
  Commit();
}

void CaseJournal::Note(std::string_view note) {
  char tag = kNote;
  Append(&tag, 1);
  AppendString(note);
  Commit();
}

void CaseJournal::Finish(const protocol::Outcome& outcome,
                         std::string_view usage_error) {
  char tag = kFinish;
  int32_t status = static_cast<int32_t>(outcome.status);
  uint32_t targets = static_cast<uint32_t>(outcome.targets.size());
  Append(&tag, 1);
  Append(&status, sizeof status);
  AppendString(outcome.origin);
  AppendString(outcome.message);
  AppendString(usage_error);
  Append(&targets, sizeof targets);
  for (const protocol::Target& target : outcome.targets) {
    AppendString(target.label);
    Append(&target.score, sizeof target.score);
  }
  Commit();
}

CaseJournal::Account CaseJournal::Replay(protocol::ChoiceSource& source) const {
  Account account;
  if (memory_ == nullptr) return account;
  Reader reader(memory_ + kHeader, committed_->load(std::memory_order_acquire));
  while (!reader.done()) {
    char tag = reader.Get<char>();
    switch (tag) {
      case kInteger: {
        int64_t min = reader.Get<int64_t>();
        int64_t max = reader.Get<int64_t>();
        if (!reader.broken()) source.DrawInteger(min, max);
        break;
      }
      case kFloat: {
        double min = reader.Get<double>();
        double max = reader.Get<double>();
        char flags = reader.Get<char>();
        if (!reader.broken()) {
          source.DrawFloat(min, max, (flags & 1) != 0, (flags & 2) != 0);
        }
        break;
      }
      case kBoolean: {
        double probability = reader.Get<double>();
        if (!reader.broken()) source.DrawBoolean(probability);
        break;
      }
      case kBytes: {
        uint32_t min_size = reader.Get<uint32_t>();
        uint32_t max_size = reader.Get<uint32_t>();
        if (!reader.broken()) source.DrawBytes(min_size, max_size);
        break;
      }
      case kSpanStart: {
        std::string label = reader.GetString();
        if (!reader.broken()) source.StartSpan(label);
        break;
      }
      case kSpanEnd:
        source.EndSpan();
        break;
      case kDraw: {
        std::string name = reader.GetString();
        std::string value = reader.GetString();
        account.draws.push_back(DrawnValue{std::move(name), std::move(value)});
        break;
      }
      case kNote:
        account.notes.push_back(reader.GetString());
        break;
      case kFinish: {
        protocol::Outcome outcome;
        outcome.status = static_cast<protocol::Status>(reader.Get<int32_t>());
        outcome.origin = reader.GetString();
        outcome.message = reader.GetString();
        account.usage_error = reader.GetString();
        uint32_t targets = reader.Get<uint32_t>();
        for (uint32_t i = 0; i < targets && !reader.broken(); ++i) {
          std::string label = reader.GetString();
          double score = reader.Get<double>();
          outcome.targets.push_back(protocol::Target{std::move(label), score});
        }
        if (!reader.broken()) account.finished = std::move(outcome);
        break;
      }
      default:
        return account;  // not a record: stop
    }
  }
  return account;
}

}  // namespace lockstep::internal
