// Measures lockstep-engine over its real socket: CPU time the engine spends
// per directive/result pair, and its peak memory while many tests run at once
// on one connection. A benchmark, run by hand; not a test.
//
//   bazel run //tools/bench/engine:engine_bench -- --tests=64 --cases=200

#include <atomic>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/time/clock.h"
#include "client/engine_process.h"
#include "server_bridge/engine/property_function.h"
#include "server_bridge/tests/engine_test_client.h"

ABSL_FLAG(std::string, engine, "server_bridge/server/lockstep-engine",
          "path of the lockstep-engine binary");
ABSL_FLAG(int, tests, 1, "tests to run concurrently on one connection");
ABSL_FLAG(int, cases, 1000, "valid test cases per test");

namespace {

using lockstep::client::EngineProcess;
using lockstep::client::ProcessExit;
using lockstep::server::testing::ChannelToEngine;
using lockstep::server::testing::EngineTestClient;

// A passing property of typical shape: a list of small records.
void Property(lockstep::protocol::ChoiceSource& s) {
  int64_t total = 0;
  while (s.DrawBoolean(0.9)) {
    s.StartSpan("record");
    total += s.DrawInteger(-1000, 1000);
    s.DrawBytes(0, 16);
    s.EndSpan();
  }
  (void)total;
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const int tests = absl::GetFlag(FLAGS_tests);
  const int cases = absl::GetFlag(FLAGS_cases);
  std::string log_path = "/dev/null";
  auto process = EngineProcess::Start(absl::GetFlag(FLAGS_engine), log_path);
  if (!process.ok()) {
    std::fprintf(stderr, "engine_bench: %s\n",
                 std::string(process.status().message()).c_str());
    return 1;
  }
  std::shared_ptr<grpc::Channel> grpc_channel =
      ChannelToEngine((*process)->TakeClientFd());
  std::atomic<uint64_t> directives{0};
  absl::Time start = absl::Now();
  {
    auto client = std::make_unique<EngineTestClient>(grpc_channel);
    if (!client->Hello(4, 4)) {
      std::fprintf(stderr, "engine_bench: no welcome from the engine\n");
      return 1;
    }
    std::vector<std::thread> threads;
    for (int i = 0; i < tests; ++i) {
      threads.emplace_back([&, i] {
        lockstep::engine::v1::Settings settings;
        settings.set_test_cases(cases);
        settings.set_has_seed(true);
        settings.set_seed(i + 1);
        auto report =
            client->RunTest("bench " + std::to_string(i), settings, Property);
        if (report) directives += report->calls();
      });
    }
    for (auto& t : threads) t.join();
  }
  absl::Duration wall = absl::Now() - start;
  // The engine exits when its client goes; its monitor reads its usage.
  grpc_channel.reset();
  std::optional<ProcessExit::Facts> exit =
      (*process)->exit()->FactsWithin(absl::Seconds(30));
  if (!exit) {
    std::fprintf(stderr, "engine_bench: the engine did not exit\n");
    return 1;
  }
  double cpu = exit->cpu_seconds;
  std::printf("tests %d, cases per test %d, directive/result pairs %llu\n",
              tests, cases, static_cast<unsigned long long>(directives.load()));
  std::printf("wall %.3f s, engine cpu %.3f s, engine cpu per pair %.1f us\n",
              absl::ToDoubleSeconds(wall), cpu,
              cpu * 1e6 / std::max<uint64_t>(directives, 1));
  std::printf("engine peak rss %.1f MiB\n", exit->peak_rss_kib / 1024.0);
  return 0;
}
