// Copyright Epic Games, Inc. All Rights Reserved.
// Asset registry scanner: discovers package files on a background thread and
// publishes them to the registry in batches.

#include "ue/CoreMinimal.h"

#include <vector>

class FAssetScanner
{
public:
	void AddSearchPath(const FString& Path)
	{
		FScopeLock Lock(&ScanCritical);
		SearchPaths.push_back(Path);
		++ScanGeneration;
	}

	void ClearSearchPaths()
	{
		FScopeLock Lock(&ScanCritical);
		SearchPaths.clear();
		++ScanGeneration;
	}

	// Background thread: scans every search path once.
	void ScanAll()
	{
		ScanCritical.Lock();
		const std::vector<FString> Paths = SearchPaths;
		size_t Index = 0;
		while (Index < Paths.size())
		{
			// Directory iteration hits the disk: let AddSearchPath() run meanwhile.
			ScanCritical.Unlock();
			std::vector<FString> Found;
			ScanDirectory(Paths[Index], Found);
			const bool bRestart = ScanGeneration != LastPublishedGeneration;
			ScanCritical.Lock();

			DiscoveredFiles.insert(DiscoveredFiles.end(), Found.begin(), Found.end());
			if (bRestart)
			{
				LastPublishedGeneration = ScanGeneration;
			}
			++Index;
		}
		ScanCritical.Unlock();
	}

	int32 GetNumDiscovered()
	{
		FScopeLock Lock(&ScanCritical);
		return int32(DiscoveredFiles.size());
	}

	int32 GetGeneration()
	{
		FScopeLock Lock(&ScanCritical);
		return ScanGeneration;
	}

private:
	static void ScanDirectory(const FString& Path, std::vector<FString>& OutFiles);

	FCriticalSection ScanCritical;
	std::vector<FString> SearchPaths;
	std::vector<FString> DiscoveredFiles;
	int32 ScanGeneration = 0;
	int32 LastPublishedGeneration = 0;
};
