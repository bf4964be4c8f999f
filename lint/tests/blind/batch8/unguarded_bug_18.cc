/*
    Per-NUMA-node statistics sink for a TBB flow graph. Nodes report their
    timings from worker threads; a reporter thread snapshots them.
*/

#include "tbb/spin_mutex.h"

#include <cstdint>
#include <string>
#include <unordered_map>

namespace flowstats {

struct node_timing {
    uint64_t calls = 0;
    uint64_t total_ns = 0;
    uint64_t max_ns = 0;
};

class timing_sink {
public:
    explicit timing_sink(std::string graph_name) : my_graph_name(std::move(graph_name)) {}

    // Called from TBB worker threads for every executed body. Must not block
    // behind the reporter: if the lock is busy the sample is counted as
    // dropped instead.
    void record(const std::string& node, uint64_t ns) {
        tbb::spin_mutex::scoped_lock lock;
        if (!lock.try_acquire(my_mutex)) {
            ++my_dropped; // EXPECT: concurrency-unguarded-field
            return;
        }
        node_timing& t = my_timings[node];
        ++t.calls;
        t.total_ns += ns;
        if (ns > t.max_ns) t.max_ns = ns;
    }

    // Reporter thread.
    std::unordered_map<std::string, node_timing> snapshot(uint64_t* dropped) {
        tbb::spin_mutex::scoped_lock lock(my_mutex);
        *dropped = my_dropped;
        my_dropped = 0;
        std::unordered_map<std::string, node_timing> copy;
        copy.swap(my_timings);
        return copy;
    }

    uint64_t dropped() {
        tbb::spin_mutex::scoped_lock lock(my_mutex);
        return my_dropped;
    }

    const std::string& graph_name() const { return my_graph_name; }

private:
    const std::string my_graph_name;
    tbb::spin_mutex my_mutex;
    std::unordered_map<std::string, node_timing> my_timings;
    uint64_t my_dropped = 0;
};

} // namespace flowstats

void record_body(flowstats::timing_sink& sink, uint64_t ns) {
    sink.record("decode", ns);
}
