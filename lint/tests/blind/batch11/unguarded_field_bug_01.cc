// Asset streaming statistics shared between the game thread, which queues
// requests, and the async loading thread, which completes them.
#include "unreal_core.h"

struct FStreamingRequest {
  FString PackageName;
  int64 SizeBytes = 0;
  int32 Priority = 0;
};

class FAssetStreamingStats {
 public:
  void AddRequest(const FStreamingRequest& Request) {
    FScopeLock Lock(&StatsCS);
    PendingRequests.push_back(Request);
    TotalRequestedBytes += Request.SizeBytes;
  }

  void CompleteRequest(const FString& PackageName) {
    FScopeLock Lock(&StatsCS);
    for (size_t Index = 0; Index < PendingRequests.size(); ++Index) {
      if (PendingRequests[Index].PackageName == PackageName) {
        CompletedBytes += PendingRequests[Index].SizeBytes;
        PendingRequests.erase(PendingRequests.begin() + Index);
        break;
      }
    }
  }

  int64 GetOutstandingBytes() {
    FScopeLock Lock(&StatsCS);
    return TotalRequestedBytes - CompletedBytes;
  }

  // Polled by the HUD every frame.
  int32 GetPendingCount() const {
    return static_cast<int32>(this->PendingRequests.size());  // EXPECT: concurrency-unguarded-field
  }

  void Reset() {
    FScopeLock Lock(&StatsCS);
    PendingRequests.clear();
    TotalRequestedBytes = 0;
    CompletedBytes = 0;
  }

 private:
  mutable FCriticalSection StatsCS;
  TArray<FStreamingRequest> PendingRequests;
  int64 TotalRequestedBytes = 0;
  int64 CompletedBytes = 0;
};

FAssetStreamingStats& GetStreamingStats() {
  static FAssetStreamingStats Stats;
  return Stats;
}
