//  The inproc endpoint registry of a context, in the style of libzmq's
//  ctx_t: sockets bind and connect from their own application threads, and
//  every call goes through _endpoints_sync.

#include <errno.h>

#include <map>
#include <string>

#include "mock/zmq_mutex.h"

namespace zmq
{
class socket_base_t;

struct endpoint_t
{
    socket_base_t *socket;
    int sndhwm;
    int rcvhwm;
};

class endpoint_registry_t
{
  public:
    int register_endpoint (const char *addr_, const endpoint_t &endpoint_)
    {
        scoped_lock_t locker (_endpoints_sync);

        const bool inserted =
          _endpoints.insert (endpoints_t::value_type (std::string (addr_), endpoint_))
            .second;
        if (!inserted) {
            errno = EADDRINUSE;
            return -1;
        }
        return 0;
    }

    int unregister_endpoint (const std::string &addr_, const socket_base_t *const socket_)
    {
        scoped_lock_t locker (_endpoints_sync);

        const endpoints_t::iterator it = _endpoints.find (addr_);
        if (it == _endpoints.end () || it->second.socket != socket_) {
            errno = ENOENT;
            return -1;
        }
        _endpoints.erase (it);
        return 0;
    }

    //  Looks up an endpoint that the caller knows to be bound.
    const endpoint_t &find_bound_endpoint (const char *addr_)
    {
        scoped_lock_t locker (_endpoints_sync);

        endpoints_t::iterator it = _endpoints.find (addr_);
        zmq_assert (it != _endpoints.end ());
        return it->second; // EXPECT: concurrency-unguarded-field
    }

    //  Copy of the endpoint, or a null socket if unbound.
    endpoint_t find_endpoint (const char *addr_)
    {
        scoped_lock_t locker (_endpoints_sync);

        endpoints_t::iterator it = _endpoints.find (addr_);
        if (it == _endpoints.end ()) {
            endpoint_t empty = {NULL, 0, 0};
            return empty;
        }
        return it->second;
    }

    size_t endpoint_count () const
    {
        return _endpoints.size (); // EXPECT: concurrency-unguarded-field
    }

  private:
    typedef std::map<std::string, endpoint_t> endpoints_t;
    endpoints_t _endpoints;
    mutex_t _endpoints_sync;
};
}
