// A tokenizer shared by inference threads. The vocabulary file is large, so
// it is loaded on first use with double-checked locking on a plain pointer.
#include <cctype>
#include <cstdint>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace nlp {

class Vocab {
 public:
  void Add(std::string token, int32_t id) { ids_.emplace(std::move(token), id); }
  int32_t Lookup(const std::string& token, int32_t unk) const {
    auto it = ids_.find(token);
    return it == ids_.end() ? unk : it->second;
  }
  size_t size() const { return ids_.size(); }

 private:
  std::unordered_map<std::string, int32_t> ids_;
};

struct TokenizerOptions {
  std::string vocab_path;
  bool lowercase = true;
  int32_t unk_id = 0;
  size_t max_tokens = 512;
};

class Tokenizer {
 public:
  explicit Tokenizer(TokenizerOptions options) : options_(std::move(options)) {}
  ~Tokenizer() { delete vocab_; }

  std::vector<int32_t> Encode(const std::string& text) {
    const Vocab* vocab = GetVocab();
    std::vector<int32_t> ids;
    std::istringstream in(text);
    std::string word;
    while (in >> word && ids.size() < options_.max_tokens) {
      if (options_.lowercase) {
        for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
      ids.push_back(vocab->Lookup(word, options_.unk_id));
    }
    return ids;
  }

  bool loaded() {
    std::lock_guard<std::mutex> lock(mu_);
    return vocab_ != nullptr;
  }

 private:
  const Vocab* GetVocab() {
    if (vocab_ == nullptr) {  // EXPECT: concurrency-lazy-init-race
      std::lock_guard<std::mutex> lock(mu_);
      if (vocab_ == nullptr) vocab_ = LoadVocab(options_.vocab_path);
    }
    return vocab_;  // EXPECT: concurrency-unguarded-field
  }

  static Vocab* LoadVocab(const std::string& path) {
    auto* vocab = new Vocab();
    std::ifstream in(path);
    std::string token;
    int32_t id = 0;
    while (std::getline(in, token)) vocab->Add(token, id++);
    return vocab;
  }

  const TokenizerOptions options_;
  std::mutex mu_;
  Vocab* vocab_ = nullptr;
};

// Batch encoding used by the serving threads.
std::vector<std::vector<int32_t>> EncodeBatch(Tokenizer& tokenizer,
                                              const std::vector<std::string>& texts) {
  std::vector<std::vector<int32_t>> out;
  out.reserve(texts.size());
  for (const std::string& t : texts) out.push_back(tokenizer.Encode(t));
  return out;
}

// Pads or truncates every sequence to `len` with `pad_id`, for fixed-shape models.
void PadToLength(std::vector<std::vector<int32_t>>* batch, size_t len, int32_t pad_id) {
  for (std::vector<int32_t>& ids : *batch) {
    if (ids.size() > len) {
      ids.resize(len);
    } else {
      ids.insert(ids.end(), len - ids.size(), pad_id);
    }
  }
}

// Attention mask matching PadToLength: 1 for real tokens, 0 for padding.
std::vector<std::vector<uint8_t>> AttentionMask(const std::vector<std::vector<int32_t>>& batch,
                                                int32_t pad_id) {
  std::vector<std::vector<uint8_t>> mask;
  mask.reserve(batch.size());
  for (const std::vector<int32_t>& ids : batch) {
    std::vector<uint8_t> m(ids.size());
    for (size_t i = 0; i < ids.size(); ++i) m[i] = ids[i] == pad_id ? 0 : 1;
    mask.push_back(std::move(m));
  }
  return mask;
}

}  // namespace nlp
