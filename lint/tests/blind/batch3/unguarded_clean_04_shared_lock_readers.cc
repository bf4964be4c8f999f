// Feature-flag registry on std::shared_mutex: lookups use find/count/begin
// under std::shared_lock, updates take std::unique_lock. Every access to
// flags_ holds mu_ in one mode or the other.
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

namespace flags {

class FlagRegistry {
 public:
  void Set(const std::string& name, bool enabled) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    flags_[name] = enabled;
    ++generation_;
  }

  bool IsEnabled(const std::string& name) const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    auto it = flags_.find(name);
    return it != flags_.end() && it->second;
  }

  bool IsKnown(const std::string& name) const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    return flags_.count(name) > 0;
  }

  std::string FirstFlag() const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    if (flags_.empty()) return "";
    return flags_.begin()->first;
  }

  std::vector<std::string> EnabledFlags() const {
    std::vector<std::string> out;
    std::shared_lock<std::shared_mutex> lock(mu_);
    for (auto it = flags_.begin(); it != flags_.end(); ++it) {
      if (it->second) out.push_back(it->first);
    }
    return out;
  }

  long generation() const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    return generation_;
  }

 private:
  mutable std::shared_mutex mu_;
  std::map<std::string, bool> flags_;
  long generation_ = 0;
};

}  // namespace flags
