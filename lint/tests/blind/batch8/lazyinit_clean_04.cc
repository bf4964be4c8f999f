//
// Copyright 2023 gRPC authors.
//
// Lazily created channel to the metadata server. Credentials fetches come
// from arbitrary call threads; the channel is created by the first one.
//

#include "grpc_core/sync.h"
#include "grpc_core/closure.h"

#include <memory>
#include <string>
#include <utility>

namespace grpc_core {

class Channel {
 public:
  explicit Channel(std::string target) : target_(std::move(target)) {}
  const std::string& target() const { return target_; }

 private:
  std::string target_;
};

class MetadataServerClient {
 public:
  explicit MetadataServerClient(std::string target)
      : target_(std::move(target)) {}

  std::shared_ptr<Channel> channel() {
    MutexLock lock(&mu_);
    if (channel_ == nullptr) {
      channel_ = std::make_shared<Channel>(target_);
      ++channels_created_;
    }
    return channel_;
  }

  void ResetChannel() {
    MutexLock lock(&mu_);
    channel_.reset();
  }

  Status Fetch(const std::string& path, std::string* token) {
    std::shared_ptr<Channel> ch = channel();
    MutexLock lock(&mu_);
    EnsureTokenCacheLocked();
    *token = ch->target() + path + "#" + std::to_string(token_cache_->size());
    return Status();
  }

 private:
  void EnsureTokenCacheLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(&mu_) {
    if (!token_cache_) {
      token_cache_ = std::make_unique<std::string>("cache");
    }
  }

  const std::string target_;
  Mutex mu_;
  std::shared_ptr<Channel> channel_ ABSL_GUARDED_BY(&mu_);
  std::unique_ptr<std::string> token_cache_ ABSL_GUARDED_BY(&mu_);
  int channels_created_ ABSL_GUARDED_BY(&mu_) = 0;
};

}  // namespace grpc_core
