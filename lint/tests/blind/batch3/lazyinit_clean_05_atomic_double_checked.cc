// Lock-free fast path done right: double-checked locking on a
// std::atomic<T*> loaded with acquire and stored with release, the second
// test made under the mutex.
#include <atomic>
#include <mutex>
#include <string>
#include <unordered_map>

namespace i18n {

class MessageCatalog {
 public:
  explicit MessageCatalog(std::string locale) : locale_(std::move(locale)) {}
  ~MessageCatalog() { delete table_.load(std::memory_order_acquire); }

  std::string Translate(const std::string& key) {
    const Table* t = table();
    auto it = t->find(key);
    return it == t->end() ? key : it->second;
  }

 private:
  using Table = std::unordered_map<std::string, std::string>;

  const Table* table() {
    Table* t = table_.load(std::memory_order_acquire);
    if (t == nullptr) {
      std::lock_guard<std::mutex> lock(init_mu_);
      t = table_.load(std::memory_order_relaxed);
      if (t == nullptr) {
        t = new Table(Load(locale_));
        table_.store(t, std::memory_order_release);
      }
    }
    return t;
  }

  static Table Load(const std::string& locale) {
    Table table;
    if (locale == "de") table["hello"] = "hallo";
    return table;
  }

  const std::string locale_;
  std::mutex init_mu_;
  std::atomic<Table*> table_{nullptr};
};

}  // namespace i18n
