// Shader compile worker session in the style of an Unreal Engine
// ShaderCompileWorker manager: the crash handler callback builds its
// message when the worker dies, on the monitoring thread, while the game
// thread may be rotating the worker's log.
#include <functional>

#include "unreal_core.h"

class FShaderWorkerSession {
 public:
  using FCrashMessageFn = std::function<FString()>;

  void Launch(const FString& InWorkerName, const FString& InLogPath) {
    WorkerName = InWorkerName;
    LogPath = InLogPath;
    OnWorkerCrashed = [this]() { return FString("ShaderCompileWorker died; see ") + LogPath; };  // EXPECT: concurrency-closure-captures-mutable
    {
      FScopeLock Lock(&JobsCS);
      bRunning = true;
    }
  }

  // Monitoring thread, when the worker process exits unexpectedly.
  FString DescribeCrash() const { return OnWorkerCrashed ? OnWorkerCrashed() : FString(); }

  // Game thread: the log is rotated every time the worker restarts.
  void RotateLog(const FString& NewLogPath) {
    LogPath = NewLogPath;
  }

  void SubmitJob(const FString& Job) {
    FScopeLock Lock(&JobsCS);
    if (bRunning) PendingJobs.push_back(Job);
  }

  void Shutdown() {
    FScopeLock Lock(&JobsCS);
    bRunning = false;
    PendingJobs.clear();
  }

 private:
  FCriticalSection JobsCS;
  FString WorkerName;
  FString LogPath;
  FCrashMessageFn OnWorkerCrashed;
  bool bRunning = false;
  TArray<FString> PendingJobs;
};
