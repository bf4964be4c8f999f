// Envoy style ENVOY_LOG (stand-in).
#ifndef ENVOY_COMMON_LOGGER_H_
#define ENVOY_COMMON_LOGGER_H_

#include <cstdio>

#define ENVOY_LOG(level, ...) std::fprintf(stderr, "[" #level "] envoy log\n")
#define ENVOY_LOG_MISC(level, ...) std::fprintf(stderr, "[" #level "] envoy misc\n")
#define ASSERT(x) ((void)(x))
#define RELEASE_ASSERT(x, msg) ((x) ? (void)0 : (void)std::fprintf(stderr, "%s\n", msg))

#endif  // ENVOY_COMMON_LOGGER_H_
