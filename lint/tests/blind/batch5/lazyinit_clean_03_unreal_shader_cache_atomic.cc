// Copyright Epic Games, Inc. All Rights Reserved.

#include "mock/unreal_core.h"

#include <atomic>
#include <map>

struct FShaderKey
{
	FString Name;
	uint32 PermutationId = 0;

	bool operator<(const FShaderKey& Other) const
	{
		return Name < Other.Name || (Name == Other.Name && PermutationId < Other.PermutationId);
	}
};

struct FCompiledShader
{
	TArray<uint8> Code;
	uint32 Hash = 0;
};

/** Process-wide cache of compiled shader bytecode, used by the render thread
 *  and the shader compiling workers. */
class FShaderBytecodeCache
{
public:
	static FShaderBytecodeCache& Get()
	{
		FShaderBytecodeCache* Existing = Instance.load(std::memory_order_acquire);
		if (Existing == nullptr)
		{
			FScopeLock Lock(&InstanceCritical);
			Existing = Instance.load(std::memory_order_relaxed);
			if (Existing == nullptr)
			{
				Existing = new FShaderBytecodeCache();
				Instance.store(Existing, std::memory_order_release);
			}
		}
		return *Existing;
	}

	void Add(const FShaderKey& Key, const FCompiledShader& Shader)
	{
		FScopeLock Lock(&CacheCritical);
		Entries[Key] = Shader;
		TotalBytes += Shader.Code.Num();
	}

	bool Find(const FShaderKey& Key, FCompiledShader& OutShader)
	{
		FScopeLock Lock(&CacheCritical);
		auto It = Entries.find(Key);
		if (It == Entries.end())
		{
			return false;
		}
		OutShader = It->second;
		return true;
	}

	int64 GetTotalBytes()
	{
		FScopeLock Lock(&CacheCritical);
		return TotalBytes;
	}

private:
	FShaderBytecodeCache() = default;

	static std::atomic<FShaderBytecodeCache*> Instance;
	static FCriticalSection InstanceCritical;

	FCriticalSection CacheCritical;
	std::map<FShaderKey, FCompiledShader> Entries;
	int64 TotalBytes = 0;
};

std::atomic<FShaderBytecodeCache*> FShaderBytecodeCache::Instance{nullptr};
FCriticalSection FShaderBytecodeCache::InstanceCritical;

bool LookupOrCompile(const FShaderKey& Key, FCompiledShader& Out)
{
	FShaderBytecodeCache& Cache = FShaderBytecodeCache::Get();
	if (Cache.Find(Key, Out))
	{
		return true;
	}
	Out.Hash = static_cast<uint32>(Key.Name.size() * 31u + Key.PermutationId);
	Out.Code.Add(static_cast<uint8>(Out.Hash & 0xff));
	Cache.Add(Key, Out);
	return false;
}
