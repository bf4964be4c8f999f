// Expression parser. Each import worker owns its own parser instance; the
// parser itself has no locking and is not shared.

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace importer {

class ExpressionParser {
 public:
  int Precedence(const std::string& op) {
    if (!precedence_) {
      precedence_ = std::make_unique<std::map<std::string, int>>();
      (*precedence_)["||"] = 1;
      (*precedence_)["&&"] = 2;
      (*precedence_)["=="] = 3;
      (*precedence_)["+"] = 4;
      (*precedence_)["*"] = 5;
    }
    auto it = precedence_->find(op);
    return it == precedence_->end() ? 0 : it->second;
  }

  size_t CountOperators(const std::string& expr) {
    size_t n = 0;
    for (char c : expr) {
      if (Precedence(std::string(1, c)) > 0) ++n;
    }
    return n;
  }

 private:
  std::unique_ptr<std::map<std::string, int>> precedence_;
};

std::vector<size_t> CountAll(const std::vector<std::string>& exprs) {
  std::vector<size_t> counts(exprs.size());
  const size_t kWorkers = 4;
  std::vector<std::thread> workers;
  for (size_t w = 0; w < kWorkers; ++w) {
    workers.emplace_back([&exprs, &counts, w, kWorkers] {
      ExpressionParser parser;  // one per worker
      for (size_t i = w; i < exprs.size(); i += kWorkers) {
        counts[i] = parser.CountOperators(exprs[i]);
      }
    });
  }
  for (std::thread& t : workers) t.join();
  return counts;
}

}  // namespace importer
