/*
 * Garbage collector marking-stack donation. A marker that runs out of work
 * steals from the shared stack; markers with surplus donate to it. The shared
 * stack's lock is only try-locked so that markers never stall each other.
 */

#include <wtf/Lock.h>

#include <cstddef>
#include <vector>

namespace JSC {

class Cell;

class SharedMarkStack {
public:
    // Moves up to `count` cells from `local` to the shared stack. Gives up
    // after a few contended attempts.
    size_t donate(std::vector<Cell*>& local, size_t count)
    {
        size_t donated = 0;
        for (unsigned attempt = 0; attempt < maxAttempts && donated < count; ++attempt) { // EXPECT: concurrency-lock-balance
            if (!m_lock.tryLock())
                continue;
            while (donated < count && !local.empty()) {
                m_cells.push_back(local.back());
                local.pop_back();
                ++donated;
            }
            if (m_cells.size() < highWaterMark)
                m_lock.unlock();
        }
        return donated;
    }

    Cell* steal()
    {
        Locker locker { m_lock };
        if (m_cells.empty())
            return nullptr;
        Cell* cell = m_cells.back();
        m_cells.pop_back();
        return cell;
    }

    size_t size()
    {
        Locker locker { m_lock };
        return m_cells.size();
    }

private:
    static constexpr unsigned maxAttempts = 4;
    static constexpr size_t highWaterMark = 1 << 16;

    Lock m_lock;
    std::vector<Cell*> m_cells WTF_GUARDED_BY_LOCK(m_lock);
};

} // namespace JSC
