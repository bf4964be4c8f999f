// Copyright Epic Games, Inc. All Rights Reserved.
// Background save of the player profile. Serialization runs on a worker and
// the result is announced on the game thread.

#include "ue/CoreMinimal.h"

#include <functional>

class FProfileSaver
{
public:
	void SetSlotName(const FString& InSlot)
	{
		SlotName = InSlot;
	}

	void SetOnSaved(std::function<void(const FString&, bool)> InOnSaved)
	{
		FScopeLock Lock(&SaveCritical);
		OnSaved = std::move(InOnSaved);
	}

	void SaveAsync(const FString& ProfileJson)
	{
		{
			FScopeLock Lock(&SaveCritical);
			++SavesInFlight;
		}
		AsyncTask(ENamedThreads::AnyBackgroundThreadNormalTask, [this, ProfileJson]()
		{
			const bool bOk = WriteSlot(SlotName, ProfileJson); // EXPECT: concurrency-closure-captures-mutable
			std::function<void(const FString&, bool)> Callback;
			{
				FScopeLock Lock(&SaveCritical);
				--SavesInFlight;
				Callback = OnSaved;
			}
			if (Callback)
			{
				Callback(ProfileJson, bOk);
			}
		});
	}

	bool IsSaving()
	{
		FScopeLock Lock(&SaveCritical);
		return SavesInFlight > 0;
	}

private:
	static bool WriteSlot(const FString& Slot, const FString& Data)
	{
		return !Slot.empty() && !Data.empty();
	}

	FCriticalSection SaveCritical;
	FString SlotName = TEXT("Profile0");
	std::function<void(const FString&, bool)> OnSaved;
	int32 SavesInFlight = 0;
};

void SwitchUser(FProfileSaver& Saver, const FString& User)
{
	Saver.SetSlotName(User + TEXT("_Profile"));
}
