//
// Copyright 2023 gRPC authors.
//
// Health-check watcher: the health service's updates are delivered on the
// work serializer; the channel reads the latest status from call threads.
//

#include "grpc_core/sync.h"
#include "grpc_core/closure.h"

#include <memory>
#include <string>
#include <utility>

namespace grpc_core {

class HealthWatcher {
 public:
  HealthWatcher(std::shared_ptr<WorkSerializer> serializer, std::string service)
      : work_serializer_(std::move(serializer)), service_name_(std::move(service)) {}

  void OnHealthUpdate(bool serving, std::string details) {
    work_serializer_->Run([this, serving, details = std::move(details)]() {
      MutexLock lock(&mu_);
      serving_ = serving;
      status_details_ = details;
      ++updates_;
    });
  }

  void Orphan() {
    MutexLock lock(&mu_);
    serving_ = false;
    status_details_ = "watcher orphaned";
  }

  bool serving() {
    MutexLock lock(&mu_);
    return serving_;
  }

  std::string Describe() {
    MutexLock lock(&mu_);
    return service_name_ + ": " + (serving_ ? "SERVING" : "NOT_SERVING") +
           " (" + status_details_ + ", " + std::to_string(updates_) + " updates)";
  }

 private:
  const std::shared_ptr<WorkSerializer> work_serializer_;
  const std::string service_name_;
  Mutex mu_;
  bool serving_ ABSL_GUARDED_BY(&mu_) = false;
  std::string status_details_ ABSL_GUARDED_BY(&mu_);
  int updates_ ABSL_GUARDED_BY(&mu_) = 0;
};

}  // namespace grpc_core
