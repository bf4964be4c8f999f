// audit_log.cpp - appends security audit records. Writers and the log
// rotation both hold the same mutex around every use of the file.

#include <boost/thread/mutex.hpp>
#include <boost/thread/locks.hpp>

#include <cstdio>
#include <string>

namespace audit {

class AuditLog {
public:
    explicit AuditLog(std::string path) : path_(std::move(path)) {
        file_ = std::fopen(path_.c_str(), "a");
    }

    ~AuditLog() {
        if (file_ != nullptr)
            std::fclose(file_);
    }

    bool append(const std::string& user, const std::string& action) {
        boost::lock_guard<boost::mutex> lock(mutex_);
        if (file_ == nullptr)
            return false;
        std::fprintf(file_, "%s\t%s\n", user.c_str(), action.c_str());
        ++records_;
        return true;
    }

    void flush() {
        boost::lock_guard<boost::mutex> lock(mutex_);
        if (file_ != nullptr)
            std::fflush(file_);
    }

    bool rotate(const std::string& archived) {
        boost::lock_guard<boost::mutex> lock(mutex_);
        if (file_ != nullptr) {
            std::fclose(file_);
            file_ = nullptr;
        }
        if (std::rename(path_.c_str(), archived.c_str()) != 0)
            return false;
        file_ = std::fopen(path_.c_str(), "a");
        records_ = 0;
        return file_ != nullptr;
    }

    long records() {
        boost::lock_guard<boost::mutex> lock(mutex_);
        return records_;
    }

private:
    const std::string path_;
    boost::mutex mutex_;
    std::FILE* file_ = nullptr;
    long records_ = 0;
};

}  // namespace audit
