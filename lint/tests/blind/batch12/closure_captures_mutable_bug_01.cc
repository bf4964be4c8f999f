// Update checker of a JUCE application: a background thread downloads the
// release feed and compares versions, then asks the message thread to show
// the result in the status bar.

#include <functional>

#include <juce_core/juce_core.h>
#include <juce_events/juce_events.h>

namespace app {

class StatusBar {
 public:
  virtual ~StatusBar() = default;
  virtual void setText(const juce::String& text) = 0;
};

juce::String downloadReleaseFeed(const juce::String& url, int timeoutMs);
juce::String parseLatestVersion(const juce::String& feed);

class UpdateChecker : public juce::Thread {
 public:
  UpdateChecker(StatusBar& bar, juce::String currentVersion)
      : juce::Thread("Update checker"), statusBar(bar), installedVersion(std::move(currentVersion)) {}

  ~UpdateChecker() override { stopThread(3000); }

  void run() override {
    statusText = "Checking for updates...";
    postStatus();

    const auto feed = downloadReleaseFeed("https://example.com/releases.xml", 10000);
    if (threadShouldExit())
      return;

    {
      const juce::ScopedLock sl(feedLock);
      lastFeed = feed;
    }

    if (feed.empty()) {
      statusText = "Could not reach the update server";
    } else {
      const auto latest = parseLatestVersion(feed);
      statusText = latest == installedVersion ? "You are up to date"
                                              : "Version " + latest + " is available";
    }
    postStatus();
  }

  // The "release notes" window shows the raw feed.
  juce::String getLastFeed() const {
    const juce::ScopedLock sl(feedLock);
    return lastFeed;
  }

 private:
  void postStatus() {
    juce::MessageManager::callAsync([this] { statusBar.setText(statusText); });  // EXPECT: concurrency-closure-captures-mutable
  }

  StatusBar& statusBar;
  const juce::String installedVersion;
  juce::String statusText;

  juce::CriticalSection feedLock;
  juce::String lastFeed;
};

}  // namespace app
