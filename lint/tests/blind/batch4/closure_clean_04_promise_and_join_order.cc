// Probes a list of mirrors and picks the fastest. The probe thread reports
// through a promise; the summary is built only after it has been joined.

#include <chrono>
#include <cstdio>
#include <future>
#include <string>
#include <thread>
#include <vector>

namespace mirrors {

double ProbeLatencyMillis(const std::string& url);

std::string PickFastestMirror(const std::vector<std::string>& urls) {
  if (urls.empty()) return std::string();
  std::vector<double> latencies(urls.size(), 0.0);
  std::string note = "probing " + std::to_string(urls.size()) + " mirrors";

  std::promise<size_t> best_index;
  std::future<size_t> best = best_index.get_future();

  std::thread prober([&urls, &latencies, &note, &best_index] {
    std::fprintf(stderr, "%s\n", note.c_str());
    size_t best_i = 0;
    for (size_t i = 0; i < urls.size(); ++i) {
      latencies[i] = ProbeLatencyMillis(urls[i]);
      if (latencies[i] < latencies[best_i]) best_i = i;
    }
    best_index.set_value(best_i);
  });

  const size_t chosen = best.get();
  prober.join();

  note = "chose " + urls[chosen];
  double total = 0;
  for (double l : latencies) total += l;
  std::fprintf(stderr, "%s (mean %.1f ms)\n", note.c_str(), total / urls.size());
  return urls[chosen];
}

}  // namespace mirrors
