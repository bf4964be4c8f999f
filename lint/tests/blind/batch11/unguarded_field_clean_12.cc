// Asynchronous thumbnail loader in the style of LibreOffice's sfx2 code:
// the guard is cleared before the slow decode and the state is updated in
// a second critical section afterwards, never in between.
#include <deque>
#include <memory>
#include <string>

#include "osl_mutex.h"

namespace sfx2 {

struct Thumbnail {
  std::string aURL;
  std::string aPixels;
};

class ThumbnailLoader : public cppu::BaseMutex {
 public:
  void request(const std::string& rURL) {
    osl::MutexGuard aGuard(m_aMutex);
    m_aPending.push_back(rURL);
  }

  // Called from the loader thread; decodes one entry per call.
  bool processOne() {
    osl::ClearableMutexGuard aGuard(m_aMutex);
    if (m_aPending.empty() || m_bCancelled) return false;
    std::string aURL = m_aPending.front();
    m_aPending.pop_front();
    aGuard.clear();

    std::string aPixels = decode(aURL);

    osl::MutexGuard aSecondGuard(m_aMutex);
    if (m_bCancelled) return false;
    m_aDone.push_back(Thumbnail{aURL, std::move(aPixels)});
    ++m_nDecoded;
    return true;
  }

  // Drains finished thumbnails, releasing the mutex while each one is
  // handed to the view and re-taking it for the next.
  template <typename Fn>
  void deliver(Fn aDeliver) {
    osl::ResettableMutexGuard aGuard(m_aMutex);
    while (!m_aDone.empty()) {
      Thumbnail aThumb = std::move(m_aDone.front());
      m_aDone.pop_front();
      aGuard.clear();
      aDeliver(aThumb);
      aGuard.reset();
    }
  }

  void cancel() {
    osl::MutexGuard aGuard(m_aMutex);
    m_bCancelled = true;
    m_aPending.clear();
  }

  int getDecodedCount() const {
    osl::MutexGuard aGuard(m_aMutex);
    return m_nDecoded;
  }

 private:
  static std::string decode(const std::string& rURL) { return "pixels:" + rURL; }

  std::deque<std::string> m_aPending;
  std::deque<Thumbnail> m_aDone;
  int m_nDecoded = 0;
  bool m_bCancelled = false;
};

void deliverToView(ThumbnailLoader& rLoader) {
  rLoader.deliver([](const Thumbnail& rThumb) { (void)rThumb; });
}

}  // namespace sfx2
