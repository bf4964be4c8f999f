// -*- mode:C++; tab-width:8; c-basic-offset:2; indent-tabs-mode:t -*-
// vim: ts=8 sw=2 smarttab
/*
 * Per-thread CRC scratch tables for the messenger's worker threads. Each
 * thread builds its own table the first time it checksums a message.
 */

#include "ceph/ceph_mutex.h"

#include <array>
#include <map>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace ceph {

struct crc_scratch {
  std::array<uint32_t, 256> table{};
  uint64_t uses = 0;
};

static crc_scratch* build_scratch() {
  crc_scratch* s = new crc_scratch;
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k)
      c = c & 1 ? 0x82f63b78u ^ (c >> 1) : c >> 1;
    s->table[i] = c;
  }
  return s;
}

uint32_t crc32c(const std::string& data) {
  static thread_local crc_scratch* scratch = nullptr;
  if (!scratch)
    scratch = build_scratch();
  ++scratch->uses;
  uint32_t crc = ~0u;
  for (unsigned char ch : data)
    crc = scratch->table[(crc ^ ch) & 0xff] ^ (crc >> 8);
  return ~crc;
}

class MessageChecksummer {
public:
  void checksum_all(const std::vector<std::string>& payloads, unsigned nthreads) {
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < nthreads; ++t) {
      workers.emplace_back([this, &payloads, t, nthreads] {
	for (size_t i = t; i < payloads.size(); i += nthreads) {
	  uint32_t c = crc32c(payloads[i]);
	  std::lock_guard l{lock};
	  results[i] = c;
	}
      });
    }
    for (auto& w : workers)
      w.join();
  }

  uint32_t result(size_t i) {
    std::lock_guard l{lock};
    return results.count(i) ? results[i] : 0;
  }

private:
  ceph::mutex lock = ceph::make_mutex("MessageChecksummer::lock");
  std::map<size_t, uint32_t> results;
};

} // namespace ceph
