/* Stand-in for mfbt/ThreadSafety.h: Mozilla's clang thread-safety macros. */
#ifndef mozilla_ThreadSafety_h
#define mozilla_ThreadSafety_h

#if defined(__clang__)
#define MOZ_THREAD_ANNOTATION_ATTRIBUTE__(x) __attribute__((x))
#else
#define MOZ_THREAD_ANNOTATION_ATTRIBUTE__(x)
#endif

#define MOZ_GUARDED_BY(x) MOZ_THREAD_ANNOTATION_ATTRIBUTE__(guarded_by(x))
#define MOZ_PT_GUARDED_BY(x) MOZ_THREAD_ANNOTATION_ATTRIBUTE__(pt_guarded_by(x))
#define MOZ_ACQUIRED_BEFORE(...) MOZ_THREAD_ANNOTATION_ATTRIBUTE__(acquired_before(__VA_ARGS__))
#define MOZ_ACQUIRED_AFTER(...) MOZ_THREAD_ANNOTATION_ATTRIBUTE__(acquired_after(__VA_ARGS__))
#define MOZ_REQUIRES(...) MOZ_THREAD_ANNOTATION_ATTRIBUTE__(requires_capability(__VA_ARGS__))
#define MOZ_REQUIRES_SHARED(...) MOZ_THREAD_ANNOTATION_ATTRIBUTE__(requires_shared_capability(__VA_ARGS__))
#define MOZ_CAPABILITY_ACQUIRE(...) MOZ_THREAD_ANNOTATION_ATTRIBUTE__(acquire_capability(__VA_ARGS__))
#define MOZ_ACQUIRE_SHARED(...) MOZ_THREAD_ANNOTATION_ATTRIBUTE__(acquire_shared_capability(__VA_ARGS__))
#define MOZ_CAPABILITY_RELEASE(...) MOZ_THREAD_ANNOTATION_ATTRIBUTE__(release_capability(__VA_ARGS__))
#define MOZ_RELEASE_SHARED(...) MOZ_THREAD_ANNOTATION_ATTRIBUTE__(release_shared_capability(__VA_ARGS__))
#define MOZ_TRY_ACQUIRE(...) MOZ_THREAD_ANNOTATION_ATTRIBUTE__(try_acquire_capability(__VA_ARGS__))
#define MOZ_EXCLUDES(...) MOZ_THREAD_ANNOTATION_ATTRIBUTE__(locks_excluded(__VA_ARGS__))
#define MOZ_ASSERT_CAPABILITY(x) MOZ_THREAD_ANNOTATION_ATTRIBUTE__(assert_capability(x))
#define MOZ_RETURN_CAPABILITY(x) MOZ_THREAD_ANNOTATION_ATTRIBUTE__(lock_returned(x))
#define MOZ_SCOPED_CAPABILITY MOZ_THREAD_ANNOTATION_ATTRIBUTE__(scoped_lockable)
#define MOZ_NO_THREAD_SAFETY_ANALYSIS MOZ_THREAD_ANNOTATION_ATTRIBUTE__(no_thread_safety_analysis)
#define MOZ_CAPABILITY(x) MOZ_THREAD_ANNOTATION_ATTRIBUTE__(capability(x))
#define MOZ_SCOPED_UNLOCK_RELEASE(...) MOZ_THREAD_ANNOTATION_ATTRIBUTE__(release_capability(__VA_ARGS__))
#define MOZ_SCOPED_UNLOCK_REACQUIRE(...) MOZ_THREAD_ANNOTATION_ATTRIBUTE__(release_capability(__VA_ARGS__))

#endif /* mozilla_ThreadSafety_h */
