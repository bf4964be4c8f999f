// Plug-in scan cache: remembers which plug-in files were already scanned so
// that the scanner thread and the plug-in list in the UI agree on what is
// known. Both the scanning thread and the message thread use it.

#include <map>
#include <vector>

#include <juce_core/juce_core.h>

namespace host {

struct PluginDescription {
  juce::String name;
  juce::String fileOrIdentifier;
  juce::String format;
  int64_t fileSize = 0;
};

class PluginScanCache {
 public:
  static PluginScanCache* getInstance() {
    static PluginScanCache* instance = nullptr;
    if (instance == nullptr)  // EXPECT: concurrency-lazy-init-race
      instance = new PluginScanCache();
    return instance;
  }

  bool isUpToDate(const juce::File& file) const {
    const juce::ScopedLock sl(lock);
    auto it = known.find(file.getFullPathName());
    return it != known.end() && it->second.fileSize == file.getSize();
  }

  void remember(const PluginDescription& d) {
    const juce::ScopedLock sl(lock);
    known[d.fileOrIdentifier] = d;
  }

  std::vector<PluginDescription> getAll() const {
    const juce::ScopedLock sl(lock);
    std::vector<PluginDescription> out;
    for (const auto& entry : known)
      out.push_back(entry.second);
    return out;
  }

 private:
  PluginScanCache() = default;

  juce::CriticalSection lock;
  std::map<juce::String, PluginDescription> known;
};

bool scanOneFile(const juce::File& file, PluginDescription& result);

class PluginScannerThread : public juce::Thread {
 public:
  explicit PluginScannerThread(std::vector<juce::File> files)
      : juce::Thread("Plug-in scanner"), filesToScan(std::move(files)) {}

  ~PluginScannerThread() override { stopThread(5000); }

  void run() override {
    for (const auto& file : filesToScan) {
      if (threadShouldExit())
        return;
      if (PluginScanCache::getInstance()->isUpToDate(file))
        continue;
      PluginDescription d;
      if (scanOneFile(file, d))
        PluginScanCache::getInstance()->remember(d);
    }
  }

 private:
  const std::vector<juce::File> filesToScan;
};

// Message thread: fills the plug-in list component.
inline int countKnownPlugins() {
  return static_cast<int>(PluginScanCache::getInstance()->getAll().size());
}

}  // namespace host
