// blob_uploader.cpp - uploads blobs from a spool file on a pool of upload
// jobs. close() waits until the last job is done before closing the spool.

#include <boost/thread/mutex.hpp>
#include <boost/thread/locks.hpp>
#include <boost/thread/condition_variable.hpp>

#include <cstdio>
#include <functional>
#include <string>

namespace storage {

class Executor {
public:
    virtual ~Executor() = default;
    virtual void Submit(std::function<void()> job) = 0;
};

class BlobUploader {
public:
    BlobUploader(Executor* executor, std::FILE* spool) : executor_(executor), spool_(spool) {}

    ~BlobUploader() { close(); }

    void upload(long offset, long length) {
        {
            boost::lock_guard<boost::mutex> lock(mutex_);
            ++jobs_;
        }
        executor_->Submit([this, offset, length] { send(offset, length); });
    }

    void close() {
        boost::unique_lock<boost::mutex> lock(mutex_);
        while (jobs_ > 0)
            jobs_done_.wait(lock);
        if (spool_ != nullptr) {
            std::fclose(spool_);
            spool_ = nullptr;
        }
    }

private:
    void send(long offset, long length) {
        std::string chunk(static_cast<size_t>(length), '\0');
        {
            boost::lock_guard<boost::mutex> lock(mutex_);
            std::fseek(spool_, offset, SEEK_SET);
            std::fread(&chunk[0], 1, chunk.size(), spool_);
        }
        transmit(chunk);
        boost::lock_guard<boost::mutex> lock(mutex_);
        if (--jobs_ == 0)
            jobs_done_.notify_all();
    }

    static void transmit(const std::string& chunk) { (void)chunk; }

    Executor* const executor_;
    boost::mutex mutex_;
    boost::condition_variable jobs_done_;
    std::FILE* spool_;
    int jobs_ = 0;
};

}  // namespace storage
