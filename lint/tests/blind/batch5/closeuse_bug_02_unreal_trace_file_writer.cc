// Copyright Epic Games, Inc. All Rights Reserved.

#include "mock/unreal_core.h"

#include <cstdio>

/** Streams trace events to a file on a dedicated writer thread. */
class FTraceFileWriter : public FRunnable
{
public:
	bool StartTrace(const FString& InFilename)
	{
		FILE* File = std::fopen(InFilename.c_str(), "wb");
		if (File == nullptr)
		{
			return false;
		}
		TraceFile = File;
		Filename = InFilename;
		bStopRequested.store(false);
		Thread = FRunnableThread::Create(this, TEXT("TraceFileWriter"));
		return true;
	}

	/** Called from the console command handler on the game thread. */
	void StopTrace()
	{
		bStopRequested.store(true);
		if (TraceFile != nullptr)
		{
			std::fclose(TraceFile);
			TraceFile = nullptr;
		}
	}

	void Enqueue(const uint8* Data, int32 Size)
	{
		FScopeLock Lock(&QueueCritical);
		for (int32 Index = 0; Index < Size; ++Index)
		{
			Pending.Add(Data[Index]);
		}
	}

	uint32 Run() override
	{
		TArray<uint8> Local;
		while (!bStopRequested.load())
		{
			{
				FScopeLock Lock(&QueueCritical);
				for (uint8 Byte : Pending)
				{
					Local.Add(Byte);
				}
				Pending.Empty();
			}
			if (Local.Num() > 0)
			{
				std::fwrite(Local.GetData(), 1, Local.Num(), TraceFile); // EXPECT: concurrency-use-after-close
				BytesWritten += Local.Num();
				Local.Empty();
			}
			FPlatformProcess::Sleep(0.01f);
		}
		return 0;
	}

	void Stop() override { bStopRequested.store(true); }

	~FTraceFileWriter() override
	{
		delete Thread;
		if (TraceFile != nullptr)
		{
			std::fclose(TraceFile);
		}
	}

	int64 GetBytesWritten() const { return BytesWritten.load(); }

private:
	FString Filename;
	FILE* TraceFile = nullptr;
	std::atomic<bool> bStopRequested{false};
	std::atomic<int64> BytesWritten{0};
	FCriticalSection QueueCritical;
	TArray<uint8> Pending;
	FRunnableThread* Thread = nullptr;
};
