// Copyright Epic Games, Inc. All Rights Reserved.

#include "mock/unreal_core.h"

#include <functional>

/** Owns an external shader compiler worker process and reports when it dies. */
class FShaderCompileWorkerSession
{
public:
	using FCrashMessageFn = std::function<FString()>;

	bool Launch(const FString& InWorkerPath, const FString& InLogFilePath)
	{
		WorkerPath = InWorkerPath;
		LogFilePath = InLogFilePath;

		FScopeLock Lock(&SessionCritical);
		bIsRunning = true;
		++LaunchCount;
		return true;
	}

	/** Installs the message the watchdog prints if the worker disappears. */
	void InstallCrashMessage()
	{
		CrashMessageFn = [this]()
		{
			return FString(TEXT("ShaderCompileWorker exited unexpectedly; see ")) + LogFilePath; // EXPECT: concurrency-closure-captures-mutable
		};
	}

	/** Called by the watchdog thread when the worker's pipe closes. */
	FString DescribeCrash() const
	{
		return CrashMessageFn ? CrashMessageFn() : FString(TEXT("worker exited"));
	}

	void Cleanup()
	{
		FScopeLock Lock(&SessionCritical);
		bIsRunning = false;
		LogFilePath.clear();
		WorkerPath.clear();
	}

	bool IsRunning() const
	{
		FScopeLock Lock(&SessionCritical);
		return bIsRunning;
	}

	int32 GetLaunchCount() const
	{
		FScopeLock Lock(&SessionCritical);
		return LaunchCount;
	}

private:
	mutable FCriticalSection SessionCritical;
	FString WorkerPath;
	FString LogFilePath;
	bool bIsRunning = false;
	int32 LaunchCount = 0;
	FCrashMessageFn CrashMessageFn;
};

class FShaderCompileWatchdog : public FRunnable
{
public:
	explicit FShaderCompileWatchdog(FShaderCompileWorkerSession& InSession) : Session(InSession) {}

	uint32 Run() override
	{
		while (!bStopRequested.load())
		{
			if (!Session.IsRunning())
			{
				LastMessage = Session.DescribeCrash();
				return 1;
			}
			FPlatformProcess::Sleep(0.1f);
		}
		return 0;
	}

	void Stop() override { bStopRequested.store(true); }

private:
	FShaderCompileWorkerSession& Session;
	std::atomic<bool> bStopRequested{false};
	FString LastMessage;
};
