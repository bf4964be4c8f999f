// Crash annotation writer: the crash reporter's handler thread appends
// annotations to the extra file; shutdown closes it. The writer checks for a
// closed file before taking the lock, to keep the hot path cheap.
#include <cstdio>
#include <map>
#include <string>

#include "mozilla_mutex.h"

namespace mozilla {
namespace crashreporter {

enum class Annotation { ProductName, Version, BuildID, URL, OOMAllocationSize };

const char* AnnotationName(Annotation aKey) {
  switch (aKey) {
    case Annotation::ProductName: return "ProductName";
    case Annotation::Version: return "Version";
    case Annotation::BuildID: return "BuildID";
    case Annotation::URL: return "URL";
    case Annotation::OOMAllocationSize: return "OOMAllocationSize";
  }
  return "Unknown";
}

class AnnotationWriter {
 public:
  AnnotationWriter() : mMutex("AnnotationWriter::mMutex") {}

  nsresult Open(const char* aPath) {
    MutexAutoLock lock(mMutex);
    mFile = fopen(aPath, "w");
    return mFile ? NS_OK : NS_ERROR_FAILURE;
  }

  nsresult Write(Annotation aKey, const std::string& aValue) {
    if (!mFile) return NS_ERROR_NOT_INITIALIZED;  // EXPECT: concurrency-use-after-close
    MutexAutoLock lock(mMutex);
    fprintf(mFile, "%s=%s\n", AnnotationName(aKey), aValue.c_str());
    mWritten[aKey] = aValue;
    return NS_OK;
  }

  void Shutdown() {
    MutexAutoLock lock(mMutex);
    if (mFile) {
      fflush(mFile);
      fclose(mFile);
      mFile = nullptr;
    }
  }

  bool Has(Annotation aKey) {
    MutexAutoLock lock(mMutex);
    return mWritten.count(aKey) != 0;
  }

 private:
  Mutex mMutex;
  FILE* mFile = nullptr;
  std::map<Annotation, std::string> mWritten MOZ_GUARDED_BY(mMutex);
};

class CrashHandlerThread {
 public:
  explicit CrashHandlerThread(AnnotationWriter& aWriter) : mWriter(aWriter) {}

  nsresult RecordOOM(size_t aBytes) {
    nsresult rv = mWriter.Write(Annotation::OOMAllocationSize, std::to_string(aBytes));
    if (NS_FAILED(rv)) {
      NS_WARNING("could not record OOM size");
    }
    return rv;
  }

  nsresult RecordURL(const std::string& aURL) {
    if (aURL.empty()) {
      return NS_OK;
    }
    return mWriter.Write(Annotation::URL, aURL);
  }

 private:
  AnnotationWriter& mWriter;
};

}  // namespace crashreporter
}  // namespace mozilla
