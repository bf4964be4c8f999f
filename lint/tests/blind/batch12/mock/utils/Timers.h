// Minimal stand-in for AOSP's <utils/Timers.h>.
#pragma once

#include <cstdint>

typedef int64_t nsecs_t;

nsecs_t systemTime(int clock = 1);

inline constexpr nsecs_t ms2ns(nsecs_t v) { return v * 1000000; }
inline constexpr nsecs_t ns2ms(nsecs_t v) { return v / 1000000; }
