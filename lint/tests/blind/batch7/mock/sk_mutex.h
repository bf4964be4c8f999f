// Stand-in for Skia's include/private/base/SkThreadAnnotations.h, SkMutex.h
// and SkSharedMutex.h. Skia builds with -Wthread-safety, so the real headers
// carry clang's capability attributes; so does this one.
#ifndef BATCH7_MOCK_SK_MUTEX_H_
#define BATCH7_MOCK_SK_MUTEX_H_

#include <condition_variable>
#include <mutex>

#if defined(__clang__)
#define SK_THREAD_ANNOTATION_ATTRIBUTE(x) __attribute__((x))
#else
#define SK_THREAD_ANNOTATION_ATTRIBUTE(x)
#endif

#define SK_CAPABILITY(x) SK_THREAD_ANNOTATION_ATTRIBUTE(capability(x))
#define SK_SCOPED_CAPABILITY SK_THREAD_ANNOTATION_ATTRIBUTE(scoped_lockable)
#define SK_GUARDED_BY(x) SK_THREAD_ANNOTATION_ATTRIBUTE(guarded_by(x))
#define SK_PT_GUARDED_BY(x) SK_THREAD_ANNOTATION_ATTRIBUTE(pt_guarded_by(x))
#define SK_ACQUIRED_BEFORE(...) SK_THREAD_ANNOTATION_ATTRIBUTE(acquired_before(__VA_ARGS__))
#define SK_ACQUIRED_AFTER(...) SK_THREAD_ANNOTATION_ATTRIBUTE(acquired_after(__VA_ARGS__))
#define SK_REQUIRES(...) SK_THREAD_ANNOTATION_ATTRIBUTE(requires_capability(__VA_ARGS__))
#define SK_REQUIRES_SHARED(...) SK_THREAD_ANNOTATION_ATTRIBUTE(requires_shared_capability(__VA_ARGS__))
#define SK_ACQUIRE(...) SK_THREAD_ANNOTATION_ATTRIBUTE(acquire_capability(__VA_ARGS__))
#define SK_ACQUIRE_SHARED(...) SK_THREAD_ANNOTATION_ATTRIBUTE(acquire_shared_capability(__VA_ARGS__))
#define SK_RELEASE_CAPABILITY(...) SK_THREAD_ANNOTATION_ATTRIBUTE(release_capability(__VA_ARGS__))
#define SK_RELEASE_SHARED_CAPABILITY(...) SK_THREAD_ANNOTATION_ATTRIBUTE(release_shared_capability(__VA_ARGS__))
#define SK_TRY_ACQUIRE(...) SK_THREAD_ANNOTATION_ATTRIBUTE(try_acquire_capability(__VA_ARGS__))
#define SK_EXCLUDES(...) SK_THREAD_ANNOTATION_ATTRIBUTE(locks_excluded(__VA_ARGS__))
#define SK_ASSERT_CAPABILITY(x) SK_THREAD_ANNOTATION_ATTRIBUTE(assert_capability(x))
#define SK_ASSERT_SHARED_CAPABILITY(x) SK_THREAD_ANNOTATION_ATTRIBUTE(assert_shared_capability(x))
#define SK_RETURN_CAPABILITY(x) SK_THREAD_ANNOTATION_ATTRIBUTE(lock_returned(x))
#define SK_NO_THREAD_SAFETY_ANALYSIS SK_THREAD_ANNOTATION_ATTRIBUTE(no_thread_safety_analysis)

class SK_CAPABILITY("mutex") SkMutex {
public:
    constexpr SkMutex() = default;
    SkMutex(const SkMutex&) = delete;
    SkMutex& operator=(const SkMutex&) = delete;

    void acquire() SK_ACQUIRE() { fMutex.lock(); }
    void release() SK_RELEASE_CAPABILITY() { fMutex.unlock(); }
    void assertHeld() SK_ASSERT_CAPABILITY(this) {}

private:
    std::mutex fMutex;
};

class SK_SCOPED_CAPABILITY SkAutoMutexExclusive {
public:
    SkAutoMutexExclusive(SkMutex& mutex) SK_ACQUIRE(mutex) : fMutex(mutex) { fMutex.acquire(); }
    ~SkAutoMutexExclusive() SK_RELEASE_CAPABILITY() { fMutex.release(); }

    SkAutoMutexExclusive(const SkAutoMutexExclusive&) = delete;
    SkAutoMutexExclusive& operator=(const SkAutoMutexExclusive&) = delete;

private:
    SkMutex& fMutex;
};

class SK_CAPABILITY("mutex") SkSharedMutex {
public:
    SkSharedMutex() = default;
    ~SkSharedMutex() = default;

    void acquire() SK_ACQUIRE() {
        std::unique_lock<std::mutex> lock(fState);
        fWriterReady.wait(lock, [this] { return !fWriter && fReaders == 0; });
        fWriter = true;
    }
    void release() SK_RELEASE_CAPABILITY() {
        {
            std::lock_guard<std::mutex> lock(fState);
            fWriter = false;
        }
        fWriterReady.notify_all();
    }
    void assertHeld() const SK_ASSERT_CAPABILITY(this) {}

    void acquireShared() SK_ACQUIRE_SHARED() {
        std::unique_lock<std::mutex> lock(fState);
        fWriterReady.wait(lock, [this] { return !fWriter; });
        ++fReaders;
    }
    void releaseShared() SK_RELEASE_SHARED_CAPABILITY() {
        {
            std::lock_guard<std::mutex> lock(fState);
            --fReaders;
        }
        fWriterReady.notify_all();
    }
    void assertHeldShared() const SK_ASSERT_SHARED_CAPABILITY(this) {}

private:
    std::mutex fState;
    std::condition_variable fWriterReady;
    bool fWriter = false;
    int fReaders = 0;
};

class SK_SCOPED_CAPABILITY SkAutoSharedMutexExclusive {
public:
    explicit SkAutoSharedMutexExclusive(SkSharedMutex& lock) SK_ACQUIRE(lock) : fLock(lock) {
        lock.acquire();
    }
    ~SkAutoSharedMutexExclusive() SK_RELEASE_CAPABILITY() { fLock.release(); }

private:
    SkSharedMutex& fLock;
};

class SK_SCOPED_CAPABILITY SkAutoSharedMutexShared {
public:
    explicit SkAutoSharedMutexShared(SkSharedMutex& lock) SK_ACQUIRE_SHARED(lock) : fLock(lock) {
        lock.acquireShared();
    }
    // You would think this should be SK_RELEASE_SHARED_CAPABILITY, but SK_SCOPED_CAPABILITY
    // doesn't fully understand the difference between shared and exclusive.
    // Please review https://reviews.llvm.org/D52578 for more information.
    ~SkAutoSharedMutexShared() SK_RELEASE_CAPABILITY() { fLock.releaseShared(); }

private:
    SkSharedMutex& fLock;
};

#endif  // BATCH7_MOCK_SK_MUTEX_H_
