//
// SessionStats.cpp
//
// Library: Net
// Package: HTTP
// Module:  SessionStats
//

#include "mock/poco_thread.h"

#include <cstdint>
#include <string>

namespace Poco {
namespace Net {

class SessionStats
	/// Per-connection traffic counters, updated by the connection's
	/// worker thread and snapshotted by the admin interface.
{
public:
	struct Snapshot
	{
		std::uint64_t bytesIn = 0;
		std::uint64_t bytesOut = 0;
		std::uint64_t requests = 0;
		std::string lastPeer;
	};

	SessionStats():
		_bytesIn(0),
		_bytesOut(0),
		_requests(0)
	{
	}

	SessionStats(const SessionStats& other):
		SessionStats()
	{
		assign(other.snapshot());
	}

	SessionStats& operator = (const SessionStats& other)
	{
		if (&other != this)
		{
			// Take the other object's lock first, then ours, one at a time.
			Snapshot s = other.snapshot();
			assign(s);
		}
		return *this;
	}

	Snapshot snapshot() const
	{
		FastMutex::ScopedLock lock(_mutex);
		Snapshot s;
		s.bytesIn  = _bytesIn;
		s.bytesOut = _bytesOut;
		s.requests = _requests;
		s.lastPeer = _lastPeer;
		return s;
	}

	void addRequest(std::uint64_t in, std::uint64_t out, const std::string& peer)
	{
		FastMutex::ScopedLock lock(_mutex);
		_bytesIn  += in;
		_bytesOut += out;
		++_requests;
		_lastPeer = peer;
	}

	void reset()
	{
		assign(Snapshot());
	}

	std::uint64_t requests() const
	{
		FastMutex::ScopedLock lock(_mutex);
		return _requests;
	}

private:
	void assign(const Snapshot& s)
	{
		FastMutex::ScopedLock lock(_mutex);
		_bytesIn  = s.bytesIn;
		_bytesOut = s.bytesOut;
		_requests = s.requests;
		_lastPeer = s.lastPeer;
	}

	std::uint64_t _bytesIn;
	std::uint64_t _bytesOut;
	std::uint64_t _requests;
	std::string _lastPeer;
	mutable FastMutex _mutex;
};

} } // namespace Poco::Net
