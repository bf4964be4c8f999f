// Navigation-mesh rebuild scheduler in the style of an Unreal Engine
// subsystem. Dirty areas are queued under the critical section; counters
// are TAtomic; the tick budget is owned by the game thread.
#include "unreal_core.h"

struct FBox2D {
  float MinX, MinY, MaxX, MaxY;
};

class FNavMeshRebuildScheduler {
 public:
  explicit FNavMeshRebuildScheduler(FString InMeshName) : MeshName(MoveTemp(InMeshName)) {}

  // Any thread: physics and streaming both dirty areas.
  void MarkDirty(const FBox2D& Area) {
    FScopeLock Lock(&DirtyCS);
    DirtyAreas.push_back(Area);
    DirtyAreasQueued++;
  }

  // Game thread, once per frame.
  void Tick(float DeltaSeconds) {
    TimeSinceLastRebuild += DeltaSeconds;
    if (TimeSinceLastRebuild < RebuildIntervalSeconds) return;
    TimeSinceLastRebuild = 0.f;

    TArray<FBox2D> Batch;
    {
      FScopeLock Lock(&DirtyCS);
      Batch = MoveTemp(DirtyAreas);
      DirtyAreas.clear();
      DirtyAreasQueued = 0;
    }
    for (const FBox2D& Area : Batch) {
      RebuildTile(Area);
    }
    RebuildsIssued++;
  }

  // Game thread: console variable sink.
  void SetRebuildInterval(float Seconds) { RebuildIntervalSeconds = Seconds; }

  int32 GetRebuildsIssued() const { return RebuildsIssued.load(); }
  int32 GetDirtyAreasQueued() const { return DirtyAreasQueued.load(); }
  const FString& GetMeshName() const { return MeshName; }

 private:
  void RebuildTile(const FBox2D& /*Area*/) {}

  const FString MeshName;
  FCriticalSection DirtyCS;
  TArray<FBox2D> DirtyAreas;
  TAtomic<int32> DirtyAreasQueued;
  TAtomic<int32> RebuildsIssued;
  // Only accessed on the game thread.
  float TimeSinceLastRebuild = 0.f;
  // Only accessed on the game thread.
  float RebuildIntervalSeconds = 0.5f;
};
