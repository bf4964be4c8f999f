// Copyright Epic Games, Inc. All Rights Reserved.

#include "mock/unreal_core.h"

#include <algorithm>

struct FStreamingRequest
{
	FString PackageName;
	int32 Priority = 0;
	uint64 RequestId = 0;
	bool bIsBlocking = false;
};

/**
 * Queue of package streaming requests shared between the game thread, which
 * issues requests, and the async loading thread, which drains them.
 */
class FAssetStreamingQueue
{
public:
	uint64 Enqueue(const FString& PackageName, int32 Priority, bool bIsBlocking)
	{
		FScopeLock Lock(&CriticalSection);
		FStreamingRequest Request;
		Request.PackageName = PackageName;
		Request.Priority = Priority;
		Request.RequestId = ++LastRequestId;
		Request.bIsBlocking = bIsBlocking;
		PendingRequests.Add(Request);
		if (bIsBlocking)
		{
			++NumBlockingRequests;
		}
		return Request.RequestId;
	}

	bool DequeueHighestPriority(FStreamingRequest& OutRequest)
	{
		FScopeLock Lock(&CriticalSection);
		if (PendingRequests.IsEmpty())
		{
			return false;
		}
		int32 BestIndex = 0;
		for (int32 Index = 1; Index < PendingRequests.Num(); ++Index)
		{
			if (PendingRequests[Index].Priority > PendingRequests[BestIndex].Priority)
			{
				BestIndex = Index;
			}
		}
		OutRequest = PendingRequests[BestIndex];
		PendingRequests.RemoveAt(BestIndex);
		if (OutRequest.bIsBlocking)
		{
			--NumBlockingRequests;
		}
		return true;
	}

	void CancelAll()
	{
		FScopeLock Lock(&CriticalSection);
		PendingRequests.Empty();
		NumBlockingRequests = 0;
	}

	/** Used by the loading screen to decide whether it can be dismissed. */
	bool HasBlockingRequests() const
	{
		return NumBlockingRequests > 0; // EXPECT: concurrency-unguarded-field
	}

	int32 GetNumPendingRequests() const
	{
		FScopeLock Lock(&CriticalSection);
		return PendingRequests.Num();
	}

private:
	mutable FCriticalSection CriticalSection;
	TArray<FStreamingRequest> PendingRequests;
	int32 NumBlockingRequests = 0;
	uint64 LastRequestId = 0;
};

class FLoadingScreenTicker
{
public:
	explicit FLoadingScreenTicker(FAssetStreamingQueue& InQueue) : Queue(InQueue) {}

	void Tick(float DeltaTime)
	{
		TimeVisible += DeltaTime;
		if (TimeVisible > MinimumDisplayTime && !Queue.HasBlockingRequests())
		{
			bWantsDismiss = true;
		}
	}

	bool WantsDismiss() const { return bWantsDismiss; }

private:
	FAssetStreamingQueue& Queue;
	float TimeVisible = 0.f;
	float MinimumDisplayTime = 1.5f;
	bool bWantsDismiss = false;
};
