// Stand-in for oneTBB's tbb/task_group.h.
#ifndef __TBB_task_group_H
#define __TBB_task_group_H

#include <functional>
#include <thread>
#include <vector>

namespace tbb {
inline namespace v1 {

class task_group {
public:
    task_group() = default;
    ~task_group() { wait(); }

    void run(std::function<void()> f) { m_threads.emplace_back(std::move(f)); }

    void wait() {
        for (auto& t : m_threads) {
            if (t.joinable()) t.join();
        }
        m_threads.clear();
    }

private:
    std::vector<std::thread> m_threads;
};

} // namespace v1
} // namespace tbb

#endif
