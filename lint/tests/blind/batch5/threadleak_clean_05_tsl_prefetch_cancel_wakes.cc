/* Copyright 2023 The TensorFlow Authors. All Rights Reserved.

Licensed under the Apache License, Version 2.0 (the "License");
==============================================================================*/

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

namespace tensorflow {
namespace data {

struct Element {
  int64_t index = 0;
  std::string payload;
};

using ProduceFn = std::function<bool(int64_t index, Element* out)>;

// Prefetches elements of an input pipeline into a bounded buffer on a
// background thread.
class PrefetchBuffer {
 public:
  PrefetchBuffer(ProduceFn produce, size_t capacity)
      : produce_(std::move(produce)), capacity_(capacity) {
    thread_ = std::thread([this] { PrefetchLoop(); });
  }

  ~PrefetchBuffer() {
    {
      std::lock_guard<std::mutex> l(mu_);
      cancelled_ = true;
    }
    producer_cv_.notify_all();
    consumer_cv_.notify_all();
    thread_.join();
  }

  bool GetNext(Element* out) {
    std::unique_lock<std::mutex> l(mu_);
    consumer_cv_.wait(l, [this] { return !buffer_.empty() || end_of_input_ || cancelled_; });
    if (buffer_.empty()) return false;
    *out = std::move(buffer_.front());
    buffer_.pop_front();
    producer_cv_.notify_one();
    return true;
  }

 private:
  void PrefetchLoop() {
    int64_t next = 0;
    while (true) {
      Element e;
      if (!produce_(next, &e)) {
        std::lock_guard<std::mutex> l(mu_);
        end_of_input_ = true;
        consumer_cv_.notify_all();
        return;
      }
      ++next;
      std::unique_lock<std::mutex> l(mu_);
      producer_cv_.wait(l, [this] { return cancelled_ || buffer_.size() < capacity_; });
      if (cancelled_) return;
      buffer_.push_back(std::move(e));
      consumer_cv_.notify_one();
    }
  }

  const ProduceFn produce_;
  const size_t capacity_;

  std::mutex mu_;
  std::condition_variable producer_cv_;
  std::condition_variable consumer_cv_;
  std::deque<Element> buffer_;
  bool end_of_input_ = false;
  bool cancelled_ = false;
  std::thread thread_;
};

}  // namespace data
}  // namespace tensorflow
