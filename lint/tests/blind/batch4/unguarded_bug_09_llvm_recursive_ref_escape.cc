//===- PluginSearchPaths.cpp - Directories scanned for plugins -----------===//
//
// Search paths can be added from option parsing and from plugins that are
// themselves being loaded, on any thread of the driver's thread pool.
//
//===----------------------------------------------------------------------===//

#include <algorithm>
#include <mutex>
#include <string>
#include <vector>

namespace llvm {

class PluginSearchPaths {
public:
  void addSearchPath(const std::string &Path);
  void removeSearchPath(const std::string &Path);
  const std::vector<std::string> &getSearchPaths();
  bool contains(const std::string &Path);

private:
  std::recursive_mutex Mu;
  std::vector<std::string> Paths;
};

void PluginSearchPaths::addSearchPath(const std::string &Path) {
  std::lock_guard<std::recursive_mutex> Guard(Mu);
  if (std::find(Paths.begin(), Paths.end(), Path) == Paths.end())
    Paths.push_back(Path);
}

void PluginSearchPaths::removeSearchPath(const std::string &Path) {
  std::lock_guard<std::recursive_mutex> Guard(Mu);
  Paths.erase(std::remove(Paths.begin(), Paths.end(), Path), Paths.end());
}

const std::vector<std::string> &PluginSearchPaths::getSearchPaths() {
  std::lock_guard<std::recursive_mutex> Guard(Mu);
  return Paths; // EXPECT: concurrency-unguarded-field
}

bool PluginSearchPaths::contains(const std::string &Path) {
  std::lock_guard<std::recursive_mutex> Guard(Mu);
  return std::find(Paths.begin(), Paths.end(), Path) != Paths.end();
}

PluginSearchPaths &getPluginSearchPaths() {
  static PluginSearchPaths Instance;
  return Instance;
}

} // namespace llvm
