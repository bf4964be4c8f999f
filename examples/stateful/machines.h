// The stateful tests of the four example systems, each a function a
// property body calls: it runs one program on the buggy system (`buggy`) or
// on the correct one. The tests pin what each finds; the shrinking bench
// (tools/bench/stateful/) runs them over many seeds.
#ifndef LOCKSTEP_EXAMPLES_STATEFUL_MACHINES_H_
#define LOCKSTEP_EXAMPLES_STATEFUL_MACHINES_H_

#include <string>

#include "client/test_case.h"

namespace examples {

// A bounded queue of capacity 3 against a deque; Push, Pop, and the
// invariant that the sizes agree.
void QueueProgram(lockstep::TestCase& tc, bool buggy);
// A key-value store against a std::map: Put, Get, Delete over keys 0..3.
void KvStoreProgram(lockstep::TestCase& tc, bool buggy);
// An allocator against the set of live handles: Alloc (into a pool),
// Free (takes from it); no handle is handed out while live.
void AllocatorProgram(lockstep::TestCase& tc, bool buggy);
// A file-handle table against a map of open descriptors: Open (into a
// pool), Close (any descriptor ever opened), and the open count.
void FileTableProgram(lockstep::TestCase& tc, bool buggy);

// Each machine's known minimal failing program, as the failure prints it
// (the message's lines from "program" on).
extern const char kQueueMinimal[];
extern const char kKvStoreMinimal[];
extern const char kAllocatorMinimal[];
extern const char kFileTableMinimal[];

// The program part of a failure's message: from the line "  program (" up
// to the end ("" when there is none).
std::string ProgramOf(const std::string& message);

}  // namespace examples

#endif  // LOCKSTEP_EXAMPLES_STATEFUL_MACHINES_H_
