// Minimal stand-in for libzmq's src/err.hpp.
#pragma once

#include <cerrno>
#include <cstdio>
#include <cstdlib>

#define zmq_assert(x)                                                         \
  do {                                                                        \
    if (!(x)) {                                                               \
      fprintf (stderr, "Assertion failed: %s (%s:%d)\n", #x, __FILE__, __LINE__); \
      abort ();                                                               \
    }                                                                         \
  } while (false)

#define errno_assert(x) zmq_assert (x)
#define alloc_assert(x) zmq_assert ((x) != NULL)
