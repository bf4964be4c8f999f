// Magic statics for process-wide tables (initialized exactly once by the
// language), and a lazily built lookup in a single-threaded command-line
// parser class that owns no synchronization at all.
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace cli {

struct Registry {
  std::mutex mu;
  std::set<std::string> commands;
};

inline Registry* GlobalRegistry() {
  static Registry* registry = new Registry();
  return registry;
}

inline const std::map<std::string, int>& ExitCodes() {
  static const std::map<std::string, int> codes = {
      {"ok", 0}, {"usage", 64}, {"io", 74}};
  return codes;
}

inline void RegisterCommand(const std::string& name) {
  Registry* r = GlobalRegistry();
  std::lock_guard<std::mutex> lock(r->mu);
  r->commands.insert(name);
}

// Used only from main() before any thread starts.
class ArgParser {
 public:
  explicit ArgParser(std::vector<std::string> args) : args_(std::move(args)) {}

  bool HasFlag(const std::string& flag) {
    if (!index_) {
      index_ = std::make_unique<std::set<std::string>>();
      for (const std::string& a : args_) {
        if (a.rfind("--", 0) == 0) index_->insert(a.substr(2));
      }
    }
    return index_->count(flag) > 0;
  }

 private:
  std::vector<std::string> args_;
  std::unique_ptr<std::set<std::string>> index_;
};

}  // namespace cli
