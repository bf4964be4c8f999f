// Font list cache for the content process. Layout threads ask for the system
// font list; it is built once under the mutex, with an unlocked fast path.
#include <string>
#include <vector>

#include "mozilla_mutex.h"

namespace mozilla {
namespace gfx {

enum class FontStyle { Normal, Italic, Oblique };

struct FontEntry {
  std::string mFamily;
  FontStyle mStyle = FontStyle::Normal;
  int mWeight = 400;
};

class SystemFontList {
 public:
  SystemFontList() : mMutex("SystemFontList::mMutex") {}

  // Fast path: skip the lock once the list has been built.
  nsresult EnsureInitialized() {
    if (!mInitialized) {
      MutexAutoLock lock(mMutex);
      if (!mInitialized) {
        nsresult rv = LoadFontsLocked();
        if (NS_FAILED(rv)) {
          return rv;
        }
        mInitialized = true;
      }
    }  // EXPECT: concurrency-lazy-init-race
    return NS_OK;
  }

  bool FindFamily(const std::string& aFamily, FontEntry* aOut) {
    if (NS_FAILED(EnsureInitialized())) {
      return false;
    }
    MutexAutoLock lock(mMutex);
    for (const FontEntry& e : mFonts) {
      if (e.mFamily == aFamily) {
        *aOut = e;
        return true;
      }
    }
    return false;
  }

  size_t Count() {
    MutexAutoLock lock(mMutex);
    return mFonts.size();
  }

 private:
  nsresult LoadFontsLocked() MOZ_REQUIRES(mMutex) {
    mFonts.push_back({"DejaVu Sans", FontStyle::Normal, 400});
    mFonts.push_back({"DejaVu Sans", FontStyle::Italic, 400});
    mFonts.push_back({"Noto Serif", FontStyle::Normal, 700});
    return mFonts.empty() ? NS_ERROR_FAILURE : NS_OK;
  }

  Mutex mMutex;
  std::vector<FontEntry> mFonts MOZ_GUARDED_BY(mMutex);
  bool mInitialized = false;
};

class LayoutWorker {
 public:
  explicit LayoutWorker(SystemFontList& aFonts) : mFonts(aFonts) {}

  int WeightFor(const std::string& aFamily) {
    FontEntry entry;
    if (!mFonts.FindFamily(aFamily, &entry)) {
      NS_WARNING("font family not found, using default weight");
      return 400;
    }
    return entry.mWeight;
  }

 private:
  SystemFontList& mFonts;
};

}  // namespace gfx
}  // namespace mozilla
