// Copyright Epic Games, Inc. All Rights Reserved.
// Shader compile job queue: game code enqueues jobs, worker threads pick them
// up, and the results are collected on the game thread.

#include "ue/CoreMinimal.h"

#include <deque>
#include <map>

struct FShaderCompileJob
{
	int32 Id = 0;
	FString SourceHash;
	FString Output;
	bool bSucceeded = false;
};

class FShaderCompileQueue
{
public:
	int32 AddJob(const FString& SourceHash)
	{
		FScopeLock Lock(&QueueCritical);
		FShaderCompileJob Job;
		Job.Id = ++LastJobId;
		Job.SourceHash = SourceHash;
		PendingJobs.push_back(Job);
		return Job.Id;
	}

	bool GetNextJob(FShaderCompileJob& OutJob)
	{
		FScopeLock Lock(&QueueCritical);
		if (PendingJobs.empty())
		{
			return false;
		}
		OutJob = PendingJobs.front();
		PendingJobs.pop_front();
		++JobsInFlight;
		return true;
	}

	// Worker thread: publishes a finished job.
	void CompleteJob(const FShaderCompileJob& Job)
	{
		FScopeLock Lock(&QueueCritical);
		--JobsInFlight;
		const bool bQueueDrained = PendingJobs.empty() && JobsInFlight == 0;
		Lock.Unlock();

		if (bQueueDrained && PendingJobs.empty()) // EXPECT: concurrency-unguarded-field
		{
			UE_LOG(LogShaders, Log, TEXT("All shader jobs finished"));
		}

		FScopeLock ResultLock(&QueueCritical);
		FinishedJobs[Job.Id] = Job;
	}

	// Game thread.
	bool TakeResult(int32 JobId, FShaderCompileJob& OutJob)
	{
		FScopeLock Lock(&QueueCritical);
		auto It = FinishedJobs.find(JobId);
		if (It == FinishedJobs.end())
		{
			return false;
		}
		OutJob = It->second;
		FinishedJobs.erase(It);
		return true;
	}

	int32 NumOutstanding()
	{
		FScopeLock Lock(&QueueCritical);
		return int32(PendingJobs.size()) + JobsInFlight;
	}

private:
	FCriticalSection QueueCritical;
	std::deque<FShaderCompileJob> PendingJobs;
	std::map<int32, FShaderCompileJob> FinishedJobs;
	int32 JobsInFlight = 0;
	int32 LastJobId = 0;
};

bool PumpOne(FShaderCompileQueue& Queue)
{
	FShaderCompileJob Job;
	if (!Queue.GetNextJob(Job))
	{
		return false;
	}
	Job.bSucceeded = true;
	Queue.CompleteJob(Job);
	return true;
}
