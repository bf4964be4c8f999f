// Stateful (model-based) property tests: a test draws a program of
// commands, runs it on the system under test, and checks each result
// against a model (or with rules and invariants that fail on a
// violation). The program is drawn from the test case like any value, so
// a failing one shrinks to a minimal program, replays from the example
// database and reproduces from its seed. docs: client/docs/stateful.md.
//
//   struct Model { std::deque<int> items; };
//
//   LOCKSTEP_TEST(Queue, BehavesLikeADeque) {
//     lockstep::stateful::StateMachine<Queue, Model> m(
//         [] { return std::make_unique<Queue>(3); });
//     m.SystemName("q");
//     m.Command<bool(int)>("Push")
//         .Requires([](const Model& m) { return m.items.size() < 3; })
//         .Args(lockstep::gen::Integers<int>(0, 9))
//         .Run([](Queue& q, int x) { return q.Push(x); })
//         .Next([](Model& m, int x) { m.items.push_back(x); return true; });
//     m.Command<std::optional<int>()>("Pop")
//         .Run([](Queue& q) { return q.Pop(); })
//         .Next([](Model& m) -> std::optional<int> { ... });
//     m.Run(tc);
//   }
//
// A failure prints the minimal program, the failing step and the model
// before it:
//
//   Pop() returned 2, but the model expects 1
//     program (5 steps):
//       q.Push(0);  // -> true
//       ...
//       q.Pop();  // -> 2  <-- failed
//     model before the failing step: {1, 2}
//
// The model-free form is StateMachine<System>: commands ("rules") whose
// Run asserts, and invariants. Pools (pool.h) carry values such as handles
// from the step that made them to the steps that use them.
#ifndef LOCKSTEP_CLIENT_STATEFUL_H_
#define LOCKSTEP_CLIENT_STATEFUL_H_

#include "client/stateful/command.h"
#include "client/stateful/pool.h"
#include "client/stateful/state_machine.h"

#endif  // LOCKSTEP_CLIENT_STATEFUL_H_
