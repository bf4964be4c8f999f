// Stand-in for Skia's include/core/SkExecutor.h and src/core/SkTaskGroup.h.
// Not annotated: the real headers carry no thread-safety attributes.
#ifndef BATCH7_MOCK_SK_TASK_GROUP_H_
#define BATCH7_MOCK_SK_TASK_GROUP_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <thread>

class SkExecutor {
public:
    virtual ~SkExecutor() = default;

    // Runs `work` on one of the executor's threads.
    virtual void add(std::function<void(void)> work) = 0;
    // If it makes sense for this executor, use this thread to execute work for a little while.
    virtual void borrow() {}

    static SkExecutor& GetDefault();
};

class SkTaskGroup {
public:
    explicit SkTaskGroup(SkExecutor& executor) : fPending(0), fExecutor(executor) {}
    ~SkTaskGroup() { this->wait(); }

    // Add a task to this SkTaskGroup.
    void add(std::function<void(void)> fn) {
        fPending.fetch_add(+1, std::memory_order_relaxed);
        fExecutor.add([this, fn{std::move(fn)}] {
            fn();
            fPending.fetch_add(-1, std::memory_order_release);
        });
    }

    // Returns true if all Tasks previously add()ed to this SkTaskGroup have run.
    bool done() const { return fPending.load(std::memory_order_acquire) == 0; }

    // Block until done().
    void wait() {
        while (!this->done()) {
            fExecutor.borrow();
            std::this_thread::yield();
        }
    }

private:
    std::atomic<int32_t> fPending;
    SkExecutor& fExecutor;
};

#endif  // BATCH7_MOCK_SK_TASK_GROUP_H_
