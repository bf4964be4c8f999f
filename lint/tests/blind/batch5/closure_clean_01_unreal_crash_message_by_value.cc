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

	/** Installs the message the watchdog prints if the worker disappears. The
	 *  log path is captured now, while the session is known to be set up. */
	void InstallCrashMessage()
	{
		CrashMessageFn = [LogPath = LogFilePath, Launches = GetLaunchCount()]()
		{
			return FString(TEXT("ShaderCompileWorker exited unexpectedly after ")) +
				std::to_string(Launches) + TEXT(" launches; see ") + LogPath;
		};
	}

	FString DescribeCrash() const
	{
		return CrashMessageFn ? CrashMessageFn() : FString(TEXT("worker exited"));
	}

	void Cleanup()
	{
		FScopeLock Lock(&SessionCritical);
		bIsRunning = false;
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

	const FString& GetWorkerPath() const { return WorkerPath; }

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
				FString Message = Session.DescribeCrash();
				return Message.empty() ? 0 : 1;
			}
			FPlatformProcess::Sleep(0.1f);
		}
		return 0;
	}

	void Stop() override { bStopRequested.store(true); }

private:
	FShaderCompileWorkerSession& Session;
	std::atomic<bool> bStopRequested{false};
};
