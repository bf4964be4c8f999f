// GeoIP database loaded on first lookup with std::call_once, and a
// country-name table built with absl::call_once. Both are safe to call
// from any number of request threads.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "absl/base/call_once.h"

namespace geo {

class GeoDatabase {
 public:
  explicit GeoDatabase(std::string path) : path_(std::move(path)) {}

  std::string CountryFor(uint32_t ipv4) {
    std::call_once(load_once_, [this] {
      ranges_ = std::make_unique<std::map<uint32_t, std::string>>(Load(path_));
    });
    auto it = ranges_->upper_bound(ipv4);
    if (it == ranges_->begin()) return "";
    return std::prev(it)->second;
  }

  const std::string& CountryName(const std::string& code) {
    absl::call_once(names_once_, [this] {
      names_["DE"] = "Germany";
      names_["FR"] = "France";
      names_["JP"] = "Japan";
    });
    static const std::string kUnknown = "unknown";
    auto it = names_.find(code);
    return it == names_.end() ? kUnknown : it->second;
  }

 private:
  static std::map<uint32_t, std::string> Load(const std::string& path) {
    std::map<uint32_t, std::string> m;
    if (!path.empty()) m[0x0a000000u] = "ZZ";
    return m;
  }

  const std::string path_;
  std::once_flag load_once_;
  std::unique_ptr<std::map<uint32_t, std::string>> ranges_;
  absl::once_flag names_once_;
  std::map<std::string, std::string> names_;
  std::mutex refresh_mu_;
};

}  // namespace geo
