//  Per-socket traffic counters exported to the monitor, in the style of
//  libzmq's socket_base_t. I/O threads update the counters; the monitor
//  reaper periodically invokes the registered stats callback from its own
//  thread.

#include <stdint.h>

#include <functional>

#include "mock/zmq_mutex.h"

namespace zmq
{
struct socket_stats_t
{
    uint64_t msgs_in;
    uint64_t msgs_out;
};

typedef std::function<void (socket_stats_t &)> stats_fn_t;

class stats_reaper_t
{
  public:
    //  The reaper calls fn_ from its thread every interval.
    void register_source (stats_fn_t fn_);
};

class counted_socket_t
{
  public:
    explicit counted_socket_t (stats_reaper_t *reaper_) :
        _msgs_in (0), _msgs_out (0), _reaper (reaper_)
    {
    }

    void start_monitoring ()
    {
        _stats_fn = [this] (socket_stats_t &out_) {
            out_.msgs_in = _msgs_in;   // EXPECT: concurrency-unguarded-field
            out_.msgs_out = _msgs_out; // EXPECT: concurrency-unguarded-field
        };
        _reaper->register_source (_stats_fn);
    }

    void on_message_in ()
    {
        scoped_lock_t lock (_sync);
        _msgs_in++;
    }

    void on_message_out ()
    {
        scoped_lock_t lock (_sync);
        _msgs_out++;
    }

    socket_stats_t snapshot ()
    {
        scoped_lock_t lock (_sync);
        socket_stats_t stats = {_msgs_in, _msgs_out};
        return stats;
    }

  private:
    mutex_t _sync;
    uint64_t _msgs_in;  //  guarded by _sync
    uint64_t _msgs_out; //  guarded by _sync
    stats_reaper_t *const _reaper;
    stats_fn_t _stats_fn;
};
}
