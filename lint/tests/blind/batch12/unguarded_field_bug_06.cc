//  Socket event monitoring, shaped after libzmq's socket_base_t: monitor ()
//  attaches a sink that receives one record per socket event, and the I/O
//  paths emit events as connections come and go.

#include <stdint.h>

#include <string>

#include <zmq/err.hpp>
#include <zmq/mutex.hpp>

#define ZMQ_EVENT_CONNECTED 0x0001
#define ZMQ_EVENT_ACCEPTED 0x0020
#define ZMQ_EVENT_CLOSED 0x0080
#define ZMQ_EVENT_DISCONNECTED 0x0200
#define ZMQ_EVENT_MONITOR_STOPPED 0x0400

namespace zmq
{
struct monitor_sink_t
{
    virtual ~monitor_sink_t () {}
    virtual int send_event (uint64_t event_,
                            uint64_t value_,
                            const std::string &endpoint_) = 0;
};

class socket_monitor_t
{
  public:
    socket_monitor_t () : _monitor_events (0), _sink (NULL), _events_sent (0) {}

    int monitor (monitor_sink_t *sink_, uint64_t events_)
    {
        scoped_lock_t lock (_monitor_sync);
        if (_sink != NULL)
            return -1;
        _sink = sink_;
        _monitor_events = events_;
        return 0;
    }

    void stop_monitor ()
    {
        scoped_lock_t lock (_monitor_sync);
        if (_sink != NULL && (_monitor_events & ZMQ_EVENT_MONITOR_STOPPED))
            _sink->send_event (ZMQ_EVENT_MONITOR_STOPPED, 0, "");
        _sink = NULL;
        _monitor_events = 0;
    }

    void event_connected (const std::string &endpoint_, int fd_)
    {
        event (endpoint_, static_cast<uint64_t> (fd_), ZMQ_EVENT_CONNECTED);
    }

    void event_accepted (const std::string &endpoint_, int fd_)
    {
        event (endpoint_, static_cast<uint64_t> (fd_), ZMQ_EVENT_ACCEPTED);
    }

    void event_closed (const std::string &endpoint_, int fd_)
    {
        event (endpoint_, static_cast<uint64_t> (fd_), ZMQ_EVENT_CLOSED);
    }

    void event_disconnected (const std::string &endpoint_, int fd_)
    {
        event (endpoint_, static_cast<uint64_t> (fd_), ZMQ_EVENT_DISCONNECTED);
    }

    uint64_t events_sent ()
    {
        scoped_lock_t lock (_monitor_sync);
        return _events_sent;
    }

  private:
    void event (const std::string &endpoint_, uint64_t value_, uint64_t type_)
    {
        if (_monitor_events & type_) { // EXPECT: concurrency-unguarded-field
            scoped_lock_t lock (_monitor_sync);
            monitor_event (type_, value_, endpoint_);
        }
    }

    //  Must be called with _monitor_sync held.
    void monitor_event (uint64_t event_,
                        uint64_t value_,
                        const std::string &endpoint_)
    {
        if (_sink == NULL)
            return;
        if (_sink->send_event (event_, value_, endpoint_) == 0)
            _events_sent++;
    }

    mutex_t _monitor_sync;
    uint64_t _monitor_events;
    monitor_sink_t *_sink;
    uint64_t _events_sent;
};

//  A connecting session reports its progress through the owning socket's
//  monitor; sessions run in I/O threads, monitor () is called by the
//  application thread.
class session_t
{
  public:
    session_t (socket_monitor_t *monitor_, const std::string &endpoint_) :
        _monitor (monitor_), _endpoint (endpoint_)
    {
    }

    void on_connected (int fd_) { _monitor->event_connected (_endpoint, fd_); }
    void on_closed (int fd_) { _monitor->event_closed (_endpoint, fd_); }

  private:
    socket_monitor_t *const _monitor;
    const std::string _endpoint;
};
}
