// Parallel archive extraction: a decompressor thread feeds a writer. The
// first version uses std::jthread; the second joins on every path,
// including the exception path.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace archive {

struct Entry {
  std::string name;
  std::string data;
};

class ArchiveError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Channel {
 public:
  void Push(Entry e) {
    std::lock_guard<std::mutex> lock(mu_);
    q_.push_back(std::move(e));
    cv_.notify_one();
  }
  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    cv_.notify_all();
  }
  bool Pop(Entry* out) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return closed_ || !q_.empty(); });
    if (q_.empty()) return false;
    *out = std::move(q_.front());
    q_.pop_front();
    return true;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Entry> q_;
  bool closed_ = false;
};

static std::vector<Entry> Decompress(const std::string& blob) {
  std::vector<Entry> out;
  size_t pos = 0;
  while (pos < blob.size()) {
    size_t nl = blob.find('\n', pos);
    if (nl == std::string::npos) nl = blob.size();
    out.push_back(Entry{"entry" + std::to_string(out.size()), blob.substr(pos, nl - pos)});
    pos = nl + 1;
  }
  return out;
}

// std::jthread joins on destruction, so the early return is safe.
size_t ExtractWithJthread(const std::string& blob, std::vector<Entry>* out, size_t max_entries) {
  Channel ch;
  std::jthread producer([&ch, &blob] {
    for (Entry& e : Decompress(blob)) ch.Push(std::move(e));
    ch.Close();
  });
  Entry e;
  while (ch.Pop(&e)) {
    if (out->size() >= max_entries) return out->size();
    out->push_back(std::move(e));
  }
  return out->size();
}

// Joins before every return and rethrow.
size_t ExtractChecked(const std::string& blob, std::vector<Entry>* out) {
  Channel ch;
  std::thread producer([&ch, &blob] {
    for (Entry& e : Decompress(blob)) ch.Push(std::move(e));
    ch.Close();
  });
  try {
    Entry e;
    while (ch.Pop(&e)) {
      if (e.name.empty()) throw ArchiveError("entry without a name");
      out->push_back(std::move(e));
    }
  } catch (...) {
    Entry drain;
    while (ch.Pop(&drain)) {
    }
    producer.join();
    throw;
  }
  producer.join();
  return out->size();
}

size_t TotalBytes(const std::vector<Entry>& entries) {
  size_t n = 0;
  for (const Entry& e : entries) n += e.data.size();
  return n;
}

}  // namespace archive
