// V8 style CHECK/DCHECK (stand-in).
#ifndef V8_BASE_LOGGING_H_
#define V8_BASE_LOGGING_H_

#include <cstdio>
#include <cstdlib>

[[noreturn]] inline void V8_Fatal(const char* file, int line, const char* msg) {
  std::fprintf(stderr, "%s:%d: Check failed: %s\n", file, line, msg);
  std::abort();
}

#define CHECK(condition)                                  \
  do {                                                    \
    if (!(condition)) V8_Fatal(__FILE__, __LINE__, #condition); \
  } while (false)
#define DCHECK(condition) CHECK(condition)
#define CHECK_EQ(a, b) CHECK((a) == (b))
#define DCHECK_EQ(a, b) CHECK((a) == (b))
#define DCHECK_NOT_NULL(p) CHECK((p) != nullptr)
#define UNREACHABLE() V8_Fatal(__FILE__, __LINE__, "unreachable code")

#endif  // V8_BASE_LOGGING_H_
