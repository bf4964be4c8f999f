// Copyright Epic Games, Inc. All Rights Reserved.

#include "mock/unreal_core.h"

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
		FStreamingRequest Request;
		Request.PackageName = PackageName;
		Request.Priority = Priority;
		Request.bIsBlocking = bIsBlocking;

		FWriteScopeLock WriteLock(RequestsLock);
		Request.RequestId = ++LastRequestId;
		PendingRequests.Add(Request);
		if (bIsBlocking)
		{
			++NumBlockingRequests;
		}
		return Request.RequestId;
	}

	bool DequeueHighestPriority(FStreamingRequest& OutRequest)
	{
		FWriteScopeLock WriteLock(RequestsLock);
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

	/** Used by the loading screen to decide whether it can be dismissed. */
	bool HasBlockingRequests() const
	{
		FReadScopeLock ReadLock(RequestsLock);
		return NumBlockingRequests > 0;
	}

	int32 GetNumPendingRequests() const
	{
		FReadScopeLock ReadLock(RequestsLock);
		return PendingRequests.Num();
	}

	/** Copies the names out so the caller can log them without the lock. */
	TArray<FString> GetPendingPackageNames() const
	{
		TArray<FString> Names;
		{
			FReadScopeLock ReadLock(RequestsLock);
			for (const FStreamingRequest& Request : PendingRequests)
			{
				Names.Add(Request.PackageName);
			}
		}
		return Names;
	}

	void SetStatusText(const FString& InText)
	{
		FScopeLock Lock(&StatusCritical);
		StatusText = InText;
	}

	FString GetStatusText() const
	{
		FScopeLock Lock(&StatusCritical);
		FString Copy = StatusText;
		Lock.Unlock();
		return Copy.empty() ? FString(TEXT("Loading")) : Copy;
	}

private:
	mutable FRWLock RequestsLock;
	TArray<FStreamingRequest> PendingRequests;
	int32 NumBlockingRequests = 0;
	uint64 LastRequestId = 0;

	mutable FCriticalSection StatusCritical;
	FString StatusText;
};
