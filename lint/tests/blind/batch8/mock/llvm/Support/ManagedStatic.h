//===-- llvm/Support/ManagedStatic.h - Static Global wrapper ----*- C++ -*-===//
// Stand-in for the LLVM header.
#ifndef LLVM_SUPPORT_MANAGEDSTATIC_H
#define LLVM_SUPPORT_MANAGEDSTATIC_H

#include <atomic>
#include <cstddef>
#include <mutex>

namespace llvm {

template <class C> struct object_creator {
  static void *call() { return new C(); }
};

template <typename T> struct object_deleter {
  static void call(void *Ptr) { delete (T *)Ptr; }
};

class ManagedStaticBase {
protected:
  mutable std::atomic<void *> Ptr{nullptr};
  mutable void (*DeleterFn)(void *) = nullptr;

  void RegisterManagedStatic(void *(*creator)(), void (*deleter)(void *)) const {
    static std::mutex M;
    std::lock_guard<std::mutex> Lock(M);
    if (!Ptr.load(std::memory_order_relaxed)) {
      void *Tmp = creator();
      Ptr.store(Tmp, std::memory_order_release);
      DeleterFn = deleter;
    }
  }

public:
  bool isConstructed() const { return Ptr != nullptr; }
};

/// ManagedStatic - This transparently changes the behavior of global statics
/// to be lazily constructed on demand (good for reducing startup times of
/// dynamic libraries that link in LLVM components) and for making destruction
/// be explicit through the llvm_shutdown() function call.
template <class C, class Creator = object_creator<C>,
          class Deleter = object_deleter<C>>
class ManagedStatic : public ManagedStaticBase {
public:
  C &operator*() {
    void *Tmp = Ptr.load(std::memory_order_acquire);
    if (!Tmp)
      RegisterManagedStatic(Creator::call, Deleter::call);
    return *static_cast<C *>(Ptr.load(std::memory_order_relaxed));
  }

  C *operator->() { return &**this; }
};

} // end namespace llvm

#endif
