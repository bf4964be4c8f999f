// Tokenizer vocabulary shared by the inference workers. The vocabulary file
// is parsed on first use, exactly once, however many workers ask for it at
// the same time; afterwards lookups only read the table.

#include <cstdint>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace nlp {

class Vocabulary {
 public:
  explicit Vocabulary(std::string path) : path_(std::move(path)) {}

  int32_t IdOf(const std::string& token) {
    std::call_once(loaded_, [this] { Load(); });
    if (table_ == nullptr) return kUnknownId;
    auto it = table_->find(token);
    return it == table_->end() ? kUnknownId : it->second;
  }

  size_t size() {
    std::call_once(loaded_, [this] { Load(); });
    return table_ == nullptr ? 0 : table_->size();
  }

 private:
  static constexpr int32_t kUnknownId = 0;

  void Load() {
    auto table = std::make_unique<std::unordered_map<std::string, int32_t>>();
    std::vector<std::string> tokens = ReadTokenFile(path_);
    for (size_t i = 0; i < tokens.size(); ++i) {
      table->emplace(tokens[i], static_cast<int32_t>(i + 1));
    }
    if (!table->empty()) table_ = std::move(table);
  }

  static std::vector<std::string> ReadTokenFile(const std::string& path);

  const std::string path_;
  std::once_flag loaded_;
  std::unique_ptr<std::unordered_map<std::string, int32_t>> table_;
};

// Runs a batch through N workers that all share one vocabulary; worker w
// encodes tokens w, w + N, w + 2N, ...
inline std::vector<int32_t> EncodeParallel(Vocabulary& vocab, const std::vector<std::string>& tokens,
                                           size_t workers) {
  std::vector<std::future<std::vector<int32_t>>> parts;
  for (size_t w = 0; w < workers; ++w) {
    parts.push_back(std::async(std::launch::async, [&vocab, &tokens, w, workers] {
      std::vector<int32_t> out;
      for (size_t i = w; i < tokens.size(); i += workers) out.push_back(vocab.IdOf(tokens[i]));
      return out;
    }));
  }
  std::vector<int32_t> ids(tokens.size());
  for (size_t w = 0; w < workers; ++w) {
    const std::vector<int32_t> part = parts[w].get();
    for (size_t k = 0; k < part.size(); ++k) ids[w + k * workers] = part[k];
  }
  return ids;
}

}  // namespace nlp
