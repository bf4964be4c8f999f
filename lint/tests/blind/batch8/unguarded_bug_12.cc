// Copyright Epic Games, Inc. All Rights Reserved.
// Streams texture mip requests to the IO system and hands the loaded mips to
// the render thread through the task graph.

#include "ue/CoreMinimal.h"

#include <map>
#include <vector>

struct FMipRequest
{
	int32 TextureId = 0;
	int32 MipIndex = 0;
	std::vector<uint8> Data;
};

class FTextureStreamer
{
public:
	void RequestMip(int32 TextureId, int32 MipIndex)
	{
		FScopeLock Lock(&RequestsCritical);
		FMipRequest& Request = Requests[Key(TextureId, MipIndex)];
		Request.TextureId = TextureId;
		Request.MipIndex = MipIndex;
		++NumRequested;
	}

	void CancelTexture(int32 TextureId)
	{
		FScopeLock Lock(&RequestsCritical);
		for (auto It = Requests.begin(); It != Requests.end();)
		{
			It = It->second.TextureId == TextureId ? Requests.erase(It) : std::next(It);
		}
	}

	// IO thread: a read finished.
	void OnReadComplete(int32 TextureId, int32 MipIndex, std::vector<uint8>&& Bytes)
	{
		{
			FScopeLock Lock(&RequestsCritical);
			auto It = Requests.find(Key(TextureId, MipIndex));
			if (It == Requests.end())
			{
				return;
			}
			It->second.Data = std::move(Bytes);
		}

		AsyncTask(ENamedThreads::GameThread, [this, TextureId, MipIndex]()
		{
			auto It = Requests.find(Key(TextureId, MipIndex)); // EXPECT: concurrency-unguarded-field
			if (It != Requests.end()) // EXPECT: concurrency-unguarded-field
			{
				UploadMip(It->second);
			}
			FScopeLock Lock(&RequestsCritical);
			Requests.erase(Key(TextureId, MipIndex));
			++NumCompleted;
		});
	}

	int32 GetNumPending()
	{
		FScopeLock Lock(&RequestsCritical);
		return NumRequested - NumCompleted;
	}

private:
	static int64 Key(int32 TextureId, int32 MipIndex)
	{
		return (int64(TextureId) << 32) | uint32(MipIndex);
	}

	void UploadMip(const FMipRequest& Request);

	FCriticalSection RequestsCritical;
	std::map<int64, FMipRequest> Requests; // Guarded by RequestsCritical.
	int32 NumRequested = 0; // Guarded by RequestsCritical.
	int32 NumCompleted = 0; // Guarded by RequestsCritical.
};
