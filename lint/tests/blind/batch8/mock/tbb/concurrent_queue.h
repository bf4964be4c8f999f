// Stand-in for oneTBB's tbb/concurrent_queue.h (a locked deque).
#ifndef __TBB_concurrent_queue_H
#define __TBB_concurrent_queue_H

#include <deque>
#include <mutex>

namespace tbb {
inline namespace v1 {

template <typename T>
class concurrent_queue {
public:
    void push(const T& value) {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_items.push_back(value);
    }
    bool try_pop(T& result) {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_items.empty()) return false;
        result = m_items.front();
        m_items.pop_front();
        return true;
    }
    bool empty() const {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_items.empty();
    }

private:
    mutable std::mutex m_mutex;
    std::deque<T> m_items;
};

} // namespace v1
} // namespace tbb

#endif
