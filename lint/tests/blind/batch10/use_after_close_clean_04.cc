// Rolling capture writer for the packet sniffer: the capture thread owns the
// pcap file. It opens, writes, rotates and closes it itself; other threads
// only enqueue packets through the mutex-protected ring.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace sniffer {

enum class LinkType : uint32_t { kEthernet = 1, kRaw = 101 };

struct Packet {
  uint64_t ts_us = 0;
  std::vector<uint8_t> bytes;
};

class CaptureWriter {
 public:
  CaptureWriter(std::string prefix, size_t max_bytes) : prefix_(std::move(prefix)), max_bytes_(max_bytes) {}

  ~CaptureWriter() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    if (thread_.joinable()) thread_.join();
    if (out_ != nullptr) std::fclose(out_);
  }

  void Start() { thread_ = std::thread([this] { CaptureLoop(); }); }

  void Enqueue(Packet p) {
    std::lock_guard<std::mutex> lock(mu_);
    ring_.push_back(std::move(p));
    if (ring_.size() > 4096) ring_.pop_front();
  }

 private:
  void CaptureLoop() {
    OpenNext();
    for (;;) {
      std::deque<Packet> batch;
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (stop_) break;
        batch.swap(ring_);
      }
      for (const Packet& p : batch) WritePacket(p);
      if (written_ >= max_bytes_) RotateFile();
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }

  void OpenNext() {
    const std::string name = prefix_ + "." + std::to_string(file_index_++) + ".pcap";
    out_ = std::fopen(name.c_str(), "wb");
    written_ = 0;
  }

  void RotateFile() {
    if (out_ != nullptr) std::fclose(out_);
    out_ = nullptr;
    OpenNext();
  }

  void WritePacket(const Packet& p) {
    if (out_ == nullptr) return;
    std::fwrite(&p.ts_us, sizeof(p.ts_us), 1, out_);
    std::fwrite(p.bytes.data(), 1, p.bytes.size(), out_);
    written_ += sizeof(p.ts_us) + p.bytes.size();
  }

  const std::string prefix_;
  const size_t max_bytes_;
  std::mutex mu_;
  std::deque<Packet> ring_;
  bool stop_ = false;
  // Owned by the capture thread: out_, written_ and file_index_ are only
  // accessed on the capture thread (and by the destructor after the join).
  std::FILE* out_ = nullptr;
  size_t written_ = 0;
  int file_index_ = 0;
  std::thread thread_;
};

}  // namespace sniffer
