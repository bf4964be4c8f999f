// Query plan cache for a storage engine: the plan table is filled lazily
// by the constructor's helper, before the object is shared. The command
// line parser in the same file is single-threaded by design and has no
// synchronization at all.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace planner {

class PlanCache {
 public:
  explicit PlanCache(std::vector<std::string> warm_queries) {
    for (const std::string& q : warm_queries) WarmUp(q);
  }

  std::string Lookup(const std::string& query) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = plans_.find(query);
    if (it != plans_.end()) return it->second;
    return *fallback_;
  }

 private:
  // Only called from the constructor.
  void WarmUp(const std::string& query) {
    if (!fallback_) {
      fallback_ = std::make_unique<std::string>("SeqScan");
    }
    plans_[query] = "IndexScan(" + query + ")";
  }

  std::mutex mu_;
  std::map<std::string, std::string> plans_;
  std::unique_ptr<std::string> fallback_;
};

// Parses argv once in main(); never shared between threads.
class CommandLine {
 public:
  CommandLine(int argc, char** argv) : args_(argv, argv + argc) {}

  const std::map<std::string, std::string>& Flags() {
    if (!parsed_) {
      for (const std::string& a : args_) {
        auto eq = a.find('=');
        if (a.rfind("--", 0) == 0 && eq != std::string::npos) flags_[a.substr(2, eq - 2)] = a.substr(eq + 1);
      }
      parsed_ = true;
    }
    return flags_;
  }

 private:
  std::vector<std::string> args_;
  std::map<std::string, std::string> flags_;
  bool parsed_ = false;
};

}  // namespace planner
