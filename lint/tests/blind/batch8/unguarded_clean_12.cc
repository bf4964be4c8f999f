/*
    Work-stealing tile renderer bookkeeping. Workers pull tiles from a
    concurrent queue and publish finished tiles under a spin mutex.
*/

#include "tbb/concurrent_queue.h"
#include "tbb/spin_mutex.h"

#include <cstdint>
#include <vector>

namespace render {

struct tile {
    int x = 0, y = 0;
    std::vector<uint32_t> pixels;
};

class tile_scheduler {
public:
    tile_scheduler(int width, int height, int tile_size)
        : my_width(width), my_height(height), my_tile_size(tile_size) {
        for (int y = 0; y < height; y += tile_size)
            for (int x = 0; x < width; x += tile_size)
                my_todo.push(tile{x, y, {}});
    }

    // Worker threads.
    bool next(tile& t) { return my_todo.try_pop(t); }

    void requeue(const tile& t) { my_todo.push(t); }

    void finish(tile&& t, bool progressive) {
        tbb::spin_mutex::scoped_lock lock;
        if (progressive) {
            lock.acquire(my_mutex);
            my_done.push_back(std::move(t));
            ++my_finished;
            return;
        }
        lock.acquire(my_mutex);
        ++my_finished;
    }

    // UI thread.
    std::vector<tile> take_finished(int* finished) {
        tbb::spin_mutex::scoped_lock lock(my_mutex);
        *finished = my_finished;
        std::vector<tile> out;
        out.swap(my_done);
        return out;
    }

    bool all_done() {
        if (!my_todo.empty()) return false;
        tbb::spin_mutex::scoped_lock lock(my_mutex);
        return my_finished == total_tiles();
    }

private:
    int total_tiles() const {
        const int cols = (my_width + my_tile_size - 1) / my_tile_size;
        const int rows = (my_height + my_tile_size - 1) / my_tile_size;
        return cols * rows;
    }

    const int my_width;
    const int my_height;
    const int my_tile_size;
    tbb::concurrent_queue<tile> my_todo;
    tbb::spin_mutex my_mutex;
    std::vector<tile> my_done;
    int my_finished = 0;
};

} // namespace render
