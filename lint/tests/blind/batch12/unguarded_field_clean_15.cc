// Builds an inverted index from a batch of documents with a fixed number of
// worker threads. Build() prepares the shared state before it starts the
// workers and reads the per-document results only after joining them.

#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace search {

struct Doc {
  size_t id;
  std::string text;
};

struct Posting {
  std::string term;
  size_t doc;
  size_t position;
};

std::vector<Posting> Tokenize(const Doc& doc);

class ParallelIndexBuilder {
 public:
  explicit ParallelIndexBuilder(size_t num_threads) : num_threads_(num_threads) {}

  std::map<std::string, std::vector<size_t>> Build(const std::vector<Doc>& docs) {
    docs_ = &docs;
    next_ = 0;
    results_.clear();
    results_.reserve(docs.size());

    std::vector<std::thread> workers;
    for (size_t i = 0; i < num_threads_; ++i) {
      workers.emplace_back([this] { Work(); });
    }
    for (auto& t : workers) t.join();

    std::map<std::string, std::vector<size_t>> index;
    for (const auto& postings : results_) {
      for (const Posting& p : postings) index[p.term].push_back(p.doc);
    }
    docs_ = nullptr;
    return index;
  }

 private:
  void Work() {
    for (;;) {
      size_t i;
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (next_ >= docs_->size()) return;
        i = next_++;
      }
      std::vector<Posting> postings = Tokenize((*docs_)[i]);
      std::lock_guard<std::mutex> lock(mu_);
      results_.push_back(std::move(postings));
    }
  }

  const size_t num_threads_;
  const std::vector<Doc>* docs_ = nullptr;
  std::mutex mu_;
  size_t next_ = 0;
  std::vector<std::vector<Posting>> results_;
};

}  // namespace search
