// The example database: failing cases saved on disk so that the next run
// replays them first. A directory tree, root/<hash of test name>/<hash of
// entry>, each file one serialized ChoiceSequence. Writes go to a unique
// temporary file and are renamed into place, so several test processes can
// share one database without ever seeing half a file.
#ifndef LOCKSTEP_SERVER_BRIDGE_ENGINE_EXAMPLE_DATABASE_H_
#define LOCKSTEP_SERVER_BRIDGE_ENGINE_EXAMPLE_DATABASE_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "server_bridge/proto/choices.pb.h"
#include "server_bridge/protocol/choice.h"
#include "server_bridge/protocol/run.h"

namespace lockstep::engine {

class ExampleDatabase {
 public:
  struct Entry {
    std::string path;
    protocol::ChoiceSequence choices;
    std::string origin;
    // A crash record (PROTOCOL.md, "Crash records"): the case in flight when
    // the test process died. `choices` is then a prefix, replayed with
    // `seed` (random draws past it if `random_tail`); `message` says how the
    // process died.
    bool crash_record = false;
    uint64_t seed = 0;
    bool random_tail = false;
    // The size the case was drawn at (see Directive::size_cycle).
    uint32_t size_cycle = 0;
    uint64_t case_index = 0;
    std::string message;
  };

  explicit ExampleDatabase(std::string root) : root_(std::move(root)) {}

  // The test's saved entries. An entry that cannot be read or parsed is
  // described in `problems` and skipped, never fatal.
  std::vector<Entry> Load(const std::string& test_name,
                          std::vector<std::string>* problems) const;
  absl::Status Save(const std::string& test_name,
                    const protocol::ChoiceSequence& choices,
                    const std::string& origin) const;
  // Saves the case `directive` describes (a prefix and a seed) as a crash
  // record.
  absl::Status SaveCrashRecord(const std::string& test_name,
                               const protocol::Directive& directive,
                               const std::string& message) const;
  // Removes an entry that no longer fails. Missing already is fine.
  absl::Status Delete(const Entry& entry) const;

  const std::string& root() const { return root_; }

 private:
  std::string TestDirectory(const std::string& test_name) const;
  absl::Status Write(const std::string& test_name,
                     const v1::ChoiceSequence& entry) const;

  const std::string root_;
};

// 64-bit FNV-1a: stable across builds and machines.
uint64_t Fnv1a64(const std::string& data);
// Fnv1a64 as 16 hex digits.
std::string StableHash(const std::string& data);

}  // namespace lockstep::engine

#endif  // LOCKSTEP_SERVER_BRIDGE_ENGINE_EXAMPLE_DATABASE_H_
