/*
    Parallel radix sort of particle keys for the fluid solver. The sort and
    the bucket ranking run in place; only the histogram passes are spread
    over worker threads, each on its own slice.
*/

#include <algorithm>
#include <cstdint>
#include <thread>
#include <vector>

#include "tbb/spin_mutex.h"

namespace fluid {

class particle_sorter {
public:
    explicit particle_sorter(unsigned threads) : my_threads(threads ? threads : 1) {}

    void sort(std::vector<uint32_t>& keys) {
        my_last_size = keys.size();
        std::vector<std::vector<uint32_t>> histograms(my_threads, std::vector<uint32_t>(256));
        std::vector<std::thread> workers;
        const size_t slice = (keys.size() + my_threads - 1) / my_threads;
        for (unsigned t = 0; t < my_threads; ++t) {
            workers.emplace_back([&keys, &histograms, t, slice] {
                const size_t first = t * slice;
                const size_t last = std::min(keys.size(), first + slice);
                for (size_t i = first; i < last; ++i)
                    ++histograms[t][keys[i] >> 24];
            });
        }
        for (auto& w : workers) w.join();

        std::vector<uint32_t> totals(256);
        for (const auto& h : histograms)
            for (size_t b = 0; b < 256; ++b) totals[b] += h[b];

        std::sort(keys.begin(), keys.end(), [this, &totals](uint32_t a, uint32_t b) {
            const uint32_t ba = a >> 24, bb = b >> 24;
            if (ba != bb) return totals[ba] * my_bias > totals[bb] * my_bias ? false : ba < bb;
            return a < b;
        });

        tbb::spin_mutex::scoped_lock lock(my_mutex);
        ++my_sorts;
    }

    void set_bias(uint32_t bias) { my_bias = bias; }

    uint64_t sorts() {
        tbb::spin_mutex::scoped_lock lock(my_mutex);
        return my_sorts;
    }

private:
    const unsigned my_threads;
    size_t my_last_size = 0;
    uint32_t my_bias = 1;
    tbb::spin_mutex my_mutex;
    uint64_t my_sorts = 0;
};

} // namespace fluid
