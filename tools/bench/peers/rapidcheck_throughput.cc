// RapidCheck's side of the peer throughput benchmark, the same properties as
// lockstep_throughput.cc. Not built by Bazel (RapidCheck is not a build
// dependency): run_throughput.py compiles it with g++ outside the repository.
//
//   rapidcheck_throughput trivial|heavy CASES MAX [DRAWS] [SEED]
#include <rapidcheck.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s trivial|heavy CASES MAX [DRAWS] [SEED]\n",
                 argv[0]);
    return 2;
  }
  const std::string property = argv[1];
  const int cases = std::atoi(argv[2]);
  const int64_t max = std::atoll(argv[3]);
  const int draws = argc > 4 ? std::atoi(argv[4]) : 1000;
  const int seed = argc > 5 ? std::atoi(argv[5]) : 1;
  // RapidCheck reads its configuration from RC_PARAMS.
  std::string params = "max_success=" + std::to_string(cases) +
                       " seed=" + std::to_string(seed) +
                       " verbose_progress=0 verbose_shrinking=0";
  setenv("RC_PARAMS", params.c_str(), 1);

  uint64_t calls = 0;
  auto start = std::chrono::steady_clock::now();
  bool ok;
  if (property == "trivial") {
    ok = rc::check("trivial", [&] {
      ++calls;
      // inRange's upper bound is exclusive.
      int64_t x = *rc::gen::inRange<int64_t>(0, max + 1);
      RC_ASSERT(x >= 0);
    });
  } else {
    ok = rc::check("heavy", [&] {
      ++calls;
      int64_t sum = 0;
      for (int i = 0; i < draws; ++i) {
        sum += *rc::gen::inRange<int64_t>(0, max + 1);
      }
      RC_ASSERT(sum >= 0);
    });
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  // RapidCheck runs exactly max_success cases when all pass.
  std::printf("%s cases_run=%d body_calls=%llu seconds=%.6f ok=%d\n",
              property.c_str(), ok ? cases : -1,
              static_cast<unsigned long long>(calls), seconds, ok ? 1 : 0);
  return ok ? 0 : 1;
}
