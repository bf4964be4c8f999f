/* Stand-in for mfbt/Attributes.h (the few macros used here). */
#ifndef mozilla_Attributes_h
#define mozilla_Attributes_h
#define MOZ_STACK_CLASS
#define MOZ_NON_TEMPORARY_CLASS
#define MOZ_IMPLICIT
#define MOZ_MUST_USE [[nodiscard]]
#define MOZ_ASSERT(...) do { } while (0)
#define MOZ_RELEASE_ASSERT(...) do { } while (0)
#define MOZ_DIAGNOSTIC_ASSERT(...) do { } while (0)
#endif
