// Pool of threads that decode fonts for the text renderer.

#include <deque>
#include <functional>
#include <thread>
#include <vector>

#include "mock/webkit_lock.h"

namespace WebCore {

class FontDecodingPool {
public:
    explicit FontDecodingPool(unsigned threadCount)
        : m_threadCount(threadCount)
    {
    }

    ~FontDecodingPool()
    {
        stop();
    }

    void start()
    {
        for (unsigned i = 0; i < m_threadCount; ++i)
            m_threads.emplace_back([this] { workerMain(); });
    }

    void stop()
    {
        Locker locker { m_lock };
        m_stopping = true;
        m_tasks.clear();
        m_condition.notifyAll();
    }

    void dispatch(std::function<void()>&& task)
    {
        Locker locker { m_lock };
        if (m_stopping)
            return;
        m_tasks.push_back(WTFMove(task));
        m_condition.notifyOne();
    }

private:
    void workerMain()
    {
        while (true) {
            std::function<void()> task;
            {
                Locker locker { m_lock };
                m_condition.wait(m_lock, [this] { return m_stopping || !m_tasks.empty(); });
                if (m_stopping)
                    return;
                task = WTFMove(m_tasks.front());
                m_tasks.pop_front();
            }
            task();
        }
    }

    const unsigned m_threadCount;
    Lock m_lock;
    Condition m_condition;
    std::deque<std::function<void()>> m_tasks;
    bool m_stopping { false };
    std::vector<std::thread> m_threads; // EXPECT: concurrency-thread-leak
};

} // namespace WebCore
