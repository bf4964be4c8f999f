#include <map>
#include <memory>
#include <ostream>
#include <string>

#include "client/generators.h"
#include "client/stateful.h"
#include "examples/stateful/file_table.h"
#include "examples/stateful/machines.h"

namespace examples {
namespace {

namespace gen = lockstep::gen;
using lockstep::stateful::Var;

struct FileTableModel {
  std::map<int, std::string> open;  // descriptor -> path
};
void PrintTo(const FileTableModel& model, std::ostream* out) {
  *out << "open " << lockstep::Print(model.open);
}

}  // namespace

const char kFileTableMinimal[] =
    "  program (3 steps):\n"
    "    auto f1 = t.Open(\"a\");  // -> 3\n"
    "    t.Close(f1);  // -> 0\n"
    "    t.Close(f1);  // -> 0  <-- failed\n"
    "  model before the failing step: open {}";

void FileTableProgram(lockstep::TestCase& tc, bool buggy) {
  lockstep::stateful::StateMachine<FileTable, FileTableModel> machine(
      [buggy] { return std::make_unique<FileTable>(buggy); });
  machine.SystemName("t");
  auto& files = machine.NewPool<int>("f");
  machine.Command<int(std::string)>("Open")
      .Args(gen::ElementOf<std::string>({"a", "b", "c"}))
      .Run([](FileTable& t, const std::string& path) { return t.Open(path); })
      .Into(files)
      .Post([](const FileTableModel& before, const std::string&,
               const int& fd) {
        return fd >= FileTable::kFirstDescriptor && before.open.count(fd) == 0;
      })
      .Next([](FileTableModel& m, const std::string& path, const int& fd) {
        m.open[fd] = path;
      });
  // Any descriptor ever opened, open or not: closing twice is allowed and
  // must fail the second time.
  machine.Command<int(Var<int>)>("Close")
      .Args(files.Any())
      .Run([](FileTable& t, const Var<int>& fd) { return t.Close(*fd); })
      .Next([](FileTableModel& m, const Var<int>& fd) {
        return m.open.erase(*fd) > 0 ? 0 : -1;
      });
  machine.Invariant("open count agrees",
                    [](const FileTableModel& m, const FileTable& t) {
                      return t.OpenCount() == static_cast<int>(m.open.size());
                    });
  machine.Run(tc);
}

}  // namespace examples
