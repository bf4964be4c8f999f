// Material compilation front end in the style of an Unreal Engine module:
// the compile queue is protected by a critical section, and the shader
// compiler backend is created the first time a job needs it.
#include "unreal_core.h"

class FShaderCompilerBackend {
 public:
  explicit FShaderCompilerBackend(const FString& InPlatform) : Platform(InPlatform) {}
  bool Compile(const FString& Source, FString& OutBytecode) {
    OutBytecode = Platform + ":" + Source;
    return true;
  }

 private:
  FString Platform;
};

class FMaterialCompileQueue {
 public:
  explicit FMaterialCompileQueue(FString InPlatform) : Platform(MoveTemp(InPlatform)) {}
  ~FMaterialCompileQueue() { delete Backend; }

  void Enqueue(const FString& MaterialSource) {
    FScopeLock Lock(&QueueCS);
    Pending.push_back(MaterialSource);
  }

  // Called from each shader compile worker.
  int32 CompilePending() {
    TArray<FString> Batch;
    {
      FScopeLock Lock(&QueueCS);
      Batch = MoveTemp(Pending);
      Pending.clear();
    }
    int32 Compiled = 0;
    for (const FString& Source : Batch) {
      FString Bytecode;
      if (GetBackend()->Compile(Source, Bytecode)) {
        ++Compiled;
      }
    }
    NumCompiled += Compiled;
    return Compiled;
  }

 private:
  FShaderCompilerBackend* GetBackend() {
    if (Backend == nullptr) {  // EXPECT: concurrency-lazy-init-race
      Backend = new FShaderCompilerBackend(Platform);
    }
    return Backend;
  }

  const FString Platform;
  FCriticalSection QueueCS;
  TArray<FString> Pending;
  FShaderCompilerBackend* Backend = nullptr;
  TAtomic<int32> NumCompiled;
};
