// Copyright Epic Games, Inc. All Rights Reserved.
// Rotating file log for dedicated servers. Log lines come from any thread; the
// server rotates the file at midnight from the game thread.

#include "ue/CoreMinimal.h"

#include <fstream>

class FRotatingFileLog
{
public:
	explicit FRotatingFileLog(const FString& InBaseName)
		: BaseName(InBaseName)
	{
		Stream.open(BaseName + TEXT(".log"), std::ios::app);
	}

	void Serialize(const FString& Line)
	{
		FScopeLock Lock(&StreamCritical);
		if (!Stream.is_open())
		{
			return;
		}
		Stream << Line << '\n';
		++LinesWritten;
	}

	// Called from the crash handler and from the periodic flush task.
	void Flush()
	{
		Stream.flush(); // EXPECT: concurrency-use-after-close
	}

	void Rotate(int32 Day)
	{
		FScopeLock Lock(&StreamCritical);
		Stream.close();
		Stream.open(BaseName + TEXT(".") + std::to_string(Day) + TEXT(".log"), std::ios::app);
		LinesWritten = 0;
	}

	int32 GetLinesWritten()
	{
		FScopeLock Lock(&StreamCritical);
		return LinesWritten;
	}

private:
	const FString BaseName;
	FCriticalSection StreamCritical;
	std::ofstream Stream;
	int32 LinesWritten = 0;
};
