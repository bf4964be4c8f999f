// Minimal stand-in for AOSP's <utils/RefBase.h> and <utils/StrongPointer.h>.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace android {

class RefBase {
 public:
  void incStrong(const void* /*id*/) const {
    if (mStrong.fetch_add(1, std::memory_order_relaxed) == 0) {
      const_cast<RefBase*>(this)->onFirstRef();
    }
  }
  void decStrong(const void* /*id*/) const {
    if (mStrong.fetch_sub(1, std::memory_order_acq_rel) == 1) {
      const_cast<RefBase*>(this)->onLastStrongRef(nullptr);
      delete this;
    }
  }
  int32_t getStrongCount() const { return mStrong.load(std::memory_order_relaxed); }

 protected:
  RefBase() = default;
  virtual ~RefBase() = default;
  virtual void onFirstRef() {}
  virtual void onLastStrongRef(const void* /*id*/) {}

 private:
  RefBase(const RefBase&) = delete;
  RefBase& operator=(const RefBase&) = delete;
  mutable std::atomic<int32_t> mStrong{0};
};

template <typename T>
class sp {
 public:
  sp() = default;
  sp(std::nullptr_t) {}
  sp(T* other) : mPtr(other) {
    if (mPtr) mPtr->incStrong(this);
  }
  sp(const sp<T>& other) : mPtr(other.mPtr) {
    if (mPtr) mPtr->incStrong(this);
  }
  template <typename U>
  sp(const sp<U>& other) : mPtr(other.get()) {
    if (mPtr) mPtr->incStrong(this);
  }
  sp(sp<T>&& other) noexcept : mPtr(other.mPtr) { other.mPtr = nullptr; }
  ~sp() {
    if (mPtr) mPtr->decStrong(this);
  }

  sp& operator=(const sp<T>& other) {
    T* oldPtr = mPtr;
    mPtr = other.mPtr;
    if (mPtr) mPtr->incStrong(this);
    if (oldPtr) oldPtr->decStrong(this);
    return *this;
  }
  sp& operator=(sp<T>&& other) noexcept {
    T* oldPtr = mPtr;
    mPtr = other.mPtr;
    other.mPtr = nullptr;
    if (oldPtr) oldPtr->decStrong(this);
    return *this;
  }
  sp& operator=(std::nullptr_t) {
    clear();
    return *this;
  }

  void clear() {
    T* oldPtr = mPtr;
    mPtr = nullptr;
    if (oldPtr) oldPtr->decStrong(this);
  }

  T& operator*() const { return *mPtr; }
  T* operator->() const { return mPtr; }
  T* get() const { return mPtr; }
  explicit operator bool() const { return mPtr != nullptr; }

  bool operator==(std::nullptr_t) const { return mPtr == nullptr; }
  bool operator!=(std::nullptr_t) const { return mPtr != nullptr; }
  template <typename U>
  bool operator==(const sp<U>& o) const { return mPtr == o.get(); }
  template <typename U>
  bool operator!=(const sp<U>& o) const { return mPtr != o.get(); }

 private:
  T* mPtr = nullptr;
};

// Weak pointers are reduced to a plain handle here; promote() hands out a
// strong reference.
template <typename T>
class wp {
 public:
  wp() = default;
  wp(const sp<T>& other) : mPtr(other.get()) {}
  sp<T> promote() const { return sp<T>(mPtr); }
  T* unsafe_get() const { return mPtr; }
  bool operator==(const wp<T>& o) const { return mPtr == o.mPtr; }

 private:
  T* mPtr = nullptr;
};

template <typename T, typename... Args>
sp<T> make_sp(Args&&... args) {
  return sp<T>(new T(static_cast<Args&&>(args)...));
}

}  // namespace android
