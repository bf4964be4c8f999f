/* Stand-in for mfbt/RefPtr.h (a minimal intrusive pointer). */
#ifndef mozilla_RefPtr_h
#define mozilla_RefPtr_h

#include <utility>
#include "mozilla/Attributes.h"

template <class T> class RefPtr {
public:
  RefPtr() : mRawPtr(nullptr) {}
  MOZ_IMPLICIT RefPtr(decltype(nullptr)) : mRawPtr(nullptr) {}
  MOZ_IMPLICIT RefPtr(T *aRawPtr) : mRawPtr(aRawPtr) { if (mRawPtr) mRawPtr->AddRef(); }
  RefPtr(const RefPtr &aOther) : mRawPtr(aOther.mRawPtr) { if (mRawPtr) mRawPtr->AddRef(); }
  RefPtr(RefPtr &&aOther) : mRawPtr(aOther.mRawPtr) { aOther.mRawPtr = nullptr; }
  ~RefPtr() { if (mRawPtr) mRawPtr->Release(); }
  RefPtr &operator=(const RefPtr &aOther) { RefPtr tmp(aOther); std::swap(mRawPtr, tmp.mRawPtr); return *this; }
  RefPtr &operator=(RefPtr &&aOther) { std::swap(mRawPtr, aOther.mRawPtr); return *this; }
  RefPtr &operator=(decltype(nullptr)) { RefPtr tmp; std::swap(mRawPtr, tmp.mRawPtr); return *this; }
  T *get() const { return mRawPtr; }
  T *operator->() const { return mRawPtr; }
  T &operator*() const { return *mRawPtr; }
  explicit operator bool() const { return mRawPtr != nullptr; }

private:
  T *mRawPtr;
};

#endif
