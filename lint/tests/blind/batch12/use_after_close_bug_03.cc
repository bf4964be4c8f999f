//  Socket monitor, shaped after libzmq: events are sent to a PAIR socket the
//  application connected with zmq_socket_monitor (); stopping the monitor
//  closes that socket. Events are emitted from the socket's I/O thread.

#include <stdint.h>
#include <string.h>

#include <string>

#include <zmq/err.hpp>
#include <zmq/mutex.hpp>

namespace zmq
{
class monitor_socket_t
{
  public:
    virtual ~monitor_socket_t () {}
    virtual int send (const void *data_, size_t size_, int flags_) = 0;
    virtual int close () = 0;
};

class socket_monitor_t
{
  public:
    socket_monitor_t () : _socket (NULL), _events (0) {}

    int start (monitor_socket_t *socket_, uint64_t events_)
    {
        scoped_lock_t lock (_sync);
        if (_socket != NULL)
            return -1;
        _socket = socket_;
        _events = events_;
        return 0;
    }

    void stop ()
    {
        scoped_lock_t lock (_sync);
        if (_socket == NULL)
            return;
        _socket->close ();
        _socket = NULL;
        _events = 0;
    }

    //  Called from the I/O thread.
    void emit (uint64_t event_, uint64_t value_, const std::string &endpoint_)
    {
        uint8_t frame[10 + 256];
        const size_t len = endpoint_.size () < 256 ? endpoint_.size () : 256;
        memcpy (frame, &event_, 2);
        memcpy (frame + 2, &value_, 8);
        memcpy (frame + 10, endpoint_.data (), len);
        if (_socket) _socket->send (frame, 10 + len, 0); // EXPECT: concurrency-use-after-close
    }

    uint64_t events ()
    {
        scoped_lock_t lock (_sync);
        return _events;
    }

  private:
    mutex_t _sync;
    monitor_socket_t *_socket;
    uint64_t _events;
};
}
