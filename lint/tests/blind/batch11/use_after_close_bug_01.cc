// Crash-report log sink in the style of an Unreal Engine output device:
// the game thread writes lines under the critical section, the crash
// reporter flushes the file from its own thread, and TearDown() closes it.
#include <cstdio>

#include "unreal_core.h"

class FCrashLogOutputDevice {
 public:
  bool Open(const FString& InPath) {
    FScopeLock Lock(&FileCS);
    Path = InPath;
    LogFile = fopen(Path.c_str(), "a");
    return LogFile != nullptr;
  }

  void Serialize(const FString& Line) {
    FScopeLock Lock(&FileCS);
    if (LogFile != nullptr) {
      fputs(Line.c_str(), LogFile);
      fputc('\n', LogFile);
    }
    LinesWritten++;
  }

  // Called by the crash reporter thread right before it uploads the log.
  void FlushForCrash() {
    if (LogFile) fflush(LogFile);  // EXPECT: concurrency-use-after-close
  }

  void TearDown() {
    FScopeLock Lock(&FileCS);
    if (LogFile != nullptr) {
      fclose(LogFile);
      LogFile = nullptr;
    }
  }

  int64 GetLinesWritten() const { return LinesWritten.load(); }

 private:
  FCriticalSection FileCS;
  FString Path;
  FILE* LogFile = nullptr;
  TAtomic<int64> LinesWritten;
};
