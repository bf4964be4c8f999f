// Copyright Epic Games, Inc. All Rights Reserved.
// Hot-reload watcher for the editor: polls the content directory for changed
// files and queues them for reimport.

#include "ue/CoreMinimal.h"

#include <atomic>
#include <chrono>
#include <set>
#include <thread>

class FContentWatcher
{
public:
	explicit FContentWatcher(const FString& InContentDir)
		: ContentDir(InContentDir)
	{
	}

	~FContentWatcher()
	{
		bStopRequested = true;
	}

	void StartWatching()
	{
		bStopRequested = false;
		WatchThread = std::thread([this]()
		{
			while (!bStopRequested)
			{
				PollOnce();
				std::this_thread::sleep_for(std::chrono::milliseconds(250));
			}
		});
	}

	bool TakeChanged(FString& OutFile)
	{
		FScopeLock Lock(&ChangedCritical);
		if (Changed.empty())
		{
			return false;
		}
		OutFile = *Changed.begin();
		Changed.erase(Changed.begin());
		return true;
	}

private:
	void PollOnce()
	{
		FString Found;
		if (ScanForChange(ContentDir, Found))
		{
			FScopeLock Lock(&ChangedCritical);
			Changed.insert(Found);
		}
	}

	static bool ScanForChange(const FString& Dir, FString& OutFile);

	const FString ContentDir;
	std::atomic<bool> bStopRequested{false};
	FCriticalSection ChangedCritical;
	std::set<FString> Changed;
	std::thread WatchThread; // EXPECT: concurrency-thread-leak
};

void ReimportChanged(FContentWatcher& Watcher)
{
	FString File;
	while (Watcher.TakeChanged(File))
	{
		UE_LOG(LogEditor, Log, TEXT("Reimporting %s"), File.c_str());
	}
}
