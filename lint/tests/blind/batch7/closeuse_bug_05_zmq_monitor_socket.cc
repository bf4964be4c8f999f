//  Monitor event forwarder in the style of libzmq's socket_base_t monitor
//  support: I/O threads forward socket events to the monitor socket, and
//  zmq_socket_monitor (..., NULL, 0) from the application thread stops it.

#include <stddef.h>
#include <stdint.h>

#include "mock/zmq_mutex.h"

namespace zmq
{
class msg_t;

class pair_socket_t
{
  public:
    int send (msg_t *msg_, int flags_);
    int close ();
};

class monitor_forwarder_t
{
  public:
    monitor_forwarder_t () : _monitor_socket (NULL), _monitor_events (0) {}

    void start (pair_socket_t *socket_, uint64_t events_)
    {
        scoped_lock_t lock (_monitor_sync);
        _monitor_socket = socket_;
        _monitor_events = events_;
    }

    //  Called from I/O threads for every event that matches the mask.
    void forward_event (msg_t *msg_)
    {
        _monitor_socket->send (msg_, 0); // EXPECT: concurrency-use-after-close
    }

    bool wants (uint64_t event_)
    {
        scoped_lock_t lock (_monitor_sync);
        return (_monitor_events & event_) != 0;
    }

    void stop ()
    {
        scoped_lock_t lock (_monitor_sync);
        if (_monitor_socket) {
            _monitor_socket->close ();
            _monitor_socket = NULL;
            _monitor_events = 0;
        }
    }

  private:
    mutex_t _monitor_sync;
    pair_socket_t *_monitor_socket;
    uint64_t _monitor_events;
};
}
