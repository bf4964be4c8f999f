//  Context slot management, shaped after libzmq's ctx_t: sockets are
//  created and destroyed from application threads; the slot table is
//  protected by _slot_sync, options by _opt_sync. Both are taken and
//  released by hand, as libzmq does, and every early return releases.

#include <errno.h>
#include <stdint.h>

#include <new>
#include <vector>

#include <zmq/atomic_counter.hpp>
#include <zmq/err.hpp>
#include <zmq/mutex.hpp>

#define ZMQ_IO_THREADS 1
#define ZMQ_MAX_SOCKETS 2
#define ZMQ_BLOCKY 70

namespace zmq
{
class socket_t
{
  public:
    socket_t (uint32_t slot_, int type_) : _slot (slot_), _type (type_) {}
    uint32_t slot () const { return _slot; }
    int type () const { return _type; }

  private:
    const uint32_t _slot;
    const int _type;
};

class ctx_t
{
  public:
    ctx_t () :
        _terminating (false), _max_sockets (1023), _io_thread_count (1), _blocky (true)
    {
        for (uint32_t i = 0; i != 1023; i++)
            _empty_slots.push_back (1022 - i);
    }

    socket_t *create_socket (int type_)
    {
        _slot_sync.lock ();
        if (_terminating) {
            _slot_sync.unlock ();
            errno = ETERM_ZMQ;
            return NULL;
        }
        if (_empty_slots.empty ()) {
            _slot_sync.unlock ();
            errno = EMFILE;
            return NULL;
        }
        const uint32_t slot = _empty_slots.back ();
        _empty_slots.pop_back ();
        socket_t *s = new (std::nothrow) socket_t (slot, type_);
        if (s == NULL) {
            _empty_slots.push_back (slot);
            _slot_sync.unlock ();
            errno = ENOMEM;
            return NULL;
        }
        _sockets.push_back (s);
        _slot_sync.unlock ();
        _sockets_created.add (1);
        return s;
    }

    void destroy_socket (socket_t *socket_)
    {
        scoped_lock_t locker (_slot_sync);
        release_slot (socket_);
        delete socket_;
    }

    void terminate ()
    {
        scoped_lock_t locker (_slot_sync);
        _terminating = true;
    }

    int set (int option_, int optval_)
    {
        scoped_lock_t locker (_opt_sync);
        switch (option_) {
            case ZMQ_MAX_SOCKETS:
                if (optval_ < 1)
                    return -1;
                _max_sockets = optval_;
                return 0;
            case ZMQ_IO_THREADS:
                _io_thread_count = optval_;
                return 0;
            case ZMQ_BLOCKY:
                _blocky = optval_ != 0;
                return 0;
            default:
                errno = EINVAL;
                return -1;
        }
    }

    int get (int option_)
    {
        scoped_lock_t locker (_opt_sync);
        switch (option_) {
            case ZMQ_MAX_SOCKETS:
                return _max_sockets;
            case ZMQ_IO_THREADS:
                return _io_thread_count;
            case ZMQ_BLOCKY:
                return _blocky ? 1 : 0;
            default:
                errno = EINVAL;
                return -1;
        }
    }

    uint32_t sockets_created () const { return _sockets_created.get (); }

  private:
    //  Must be called with _slot_sync held.
    void release_slot (socket_t *socket_)
    {
        for (size_t i = 0; i != _sockets.size (); i++) {
            if (_sockets[i] == socket_) {
                _sockets[i] = _sockets.back ();
                _sockets.pop_back ();
                break;
            }
        }
        _empty_slots.push_back (socket_->slot ());
    }

    static const int ETERM_ZMQ = 156384765;

    mutex_t _slot_sync;
    std::vector<socket_t *> _sockets;
    std::vector<uint32_t> _empty_slots;
    bool _terminating;

    mutex_t _opt_sync;
    int _max_sockets;
    int _io_thread_count;
    bool _blocky;

    atomic_counter_t _sockets_created;
};
}
