// Ceph-style filesystem client: the client lock is dropped around network
// round trips, as the real client does with its unique_lock, and retaken
// before client state is touched again.
#include <cstdint>
#include <deque>

#include "mock/ceph_mutex.h"

struct Inode {
  uint64_t ino;
  int dirty_caps;
};

class MetaSession {
 public:
  int send_cap_flush(uint64_t ino, int caps);
};

class Client {
 public:
  explicit Client(MetaSession* session) : session(session) {}

  void mark_caps_dirty(Inode* in, int caps) {
    std::lock_guard l{client_lock};
    if (in->dirty_caps == 0) dirty_inodes.push_back(in);
    in->dirty_caps |= caps;
  }

  // fsync(2) on the whole mount.
  int flush_caps_sync() {
    std::unique_lock cl{client_lock};
    while (!dirty_inodes.empty()) {
      Inode* in = dirty_inodes.front();
      dirty_inodes.pop_front();
      int caps = in->dirty_caps;
      in->dirty_caps = 0;

      // Do not hold the client lock across the round trip to the MDS.
      cl.unlock();
      int r = session->send_cap_flush(in->ino, caps);
      ++num_flushing_caps;  // EXPECT: concurrency-unguarded-field
      cl.lock();
      if (r < 0) return r;
    }
    flush_cond.wait(cl, [this] { return num_flushing_caps == 0; });
    return 0;
  }

  // Messenger dispatch thread: the MDS acknowledged a flush.
  void handle_cap_flush_ack(Inode* in) {
    std::lock_guard l{client_lock};
    --num_flushing_caps;
    last_flushed_ino = in->ino;
    if (num_flushing_caps == 0) flush_cond.notify_all();
  }

  uint64_t get_last_flushed_ino() {
    std::lock_guard l{client_lock};
    return last_flushed_ino;
  }

 private:
  MetaSession* const session;
  ceph::mutex client_lock = ceph::make_mutex("Client::client_lock");
  ceph::condition_variable flush_cond;
  std::deque<Inode*> dirty_inodes;
  int num_flushing_caps = 0;
  uint64_t last_flushed_ino = 0;
};
