// The size schedule (PROTOCOL.md "Sizes"): early generated cases are small,
// later ones large, so that a run of N cases covers sizes up to the
// generators' maxima. The engine numbers the cases it generates (the
// simplest case is 0) and says how many cases one ramp takes (the cycle);
// a client turns a case's number into a size in (0, 1], and its collections
// (and any generator that recurses) grow with it. Both sides compute sizes
// with these functions; replay does not depend on them, since a replayed
// choice keeps its value whatever size its case had.
#ifndef LOCKSTEP_SERVER_BRIDGE_PROTOCOL_SIZE_SCHEDULE_H_
#define LOCKSTEP_SERVER_BRIDGE_PROTOCOL_SIZE_SCHEDULE_H_

#include <cstddef>
#include <cstdint>

namespace lockstep::protocol {

// The size of generated case number `case_index` on a ramp of `cycle`
// cases: (case_index mod cycle + 1) / cycle, in (0, 1]. A cycle of 0 (an
// engine that sends none) means no schedule: kNoSize.
inline constexpr double kNoSize = -1;
double CaseSize(uint32_t cycle, uint64_t case_index);

// The probability of one more element in a collection holding `count`
// elements, sizes in [min, max], in a case of size `size`: the element
// count beyond `min` is geometric with mean 1 + size * (E - 1), where
// E = max(1, min(max - min, 100) / 2). At `max` it is 0 (the closing flag
// is still drawn); without a size (kNoSize) the mean is 5, as before
// schedules.
double ContinueProbability(double size, size_t count, size_t min, size_t max);

// The depth a recursive generator may reach in a case of size `size`, for
// one whose limit is `max_depth`: ceil(size * max_depth), at least 1
// (max_depth itself without a size).
uint32_t DepthLimit(double size, uint32_t max_depth);

}  // namespace lockstep::protocol

#endif  // LOCKSTEP_SERVER_BRIDGE_PROTOCOL_SIZE_SCHEDULE_H_
