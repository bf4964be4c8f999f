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
	SessionStats():
		_bytesIn(0),
		_bytesOut(0),
		_requests(0)
	{
	}

	SessionStats& operator = (const SessionStats& other)
	{
		if (&other != this)
		{
			FastMutex::ScopedLock lock(_mutex);
			_bytesIn  = other._bytesIn;  // EXPECT: concurrency-unguarded-field
			_bytesOut = other._bytesOut; // EXPECT: concurrency-unguarded-field
			_requests = other._requests; // EXPECT: concurrency-unguarded-field
			_lastPeer = other._lastPeer; // EXPECT: concurrency-unguarded-field
		}
		return *this;
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
		FastMutex::ScopedLock lock(_mutex);
		_bytesIn  = 0;
		_bytesOut = 0;
		_requests = 0;
		_lastPeer.clear();
	}

	std::uint64_t bytesIn() const
	{
		FastMutex::ScopedLock lock(_mutex);
		return _bytesIn;
	}

	std::uint64_t bytesOut() const
	{
		FastMutex::ScopedLock lock(_mutex);
		return _bytesOut;
	}

	std::uint64_t requests() const
	{
		FastMutex::ScopedLock lock(_mutex);
		return _requests;
	}

	std::string lastPeer() const
	{
		FastMutex::ScopedLock lock(_mutex);
		return _lastPeer;
	}

private:
	SessionStats(const SessionStats&);

	std::uint64_t _bytesIn;
	std::uint64_t _bytesOut;
	std::uint64_t _requests;
	std::string _lastPeer;
	mutable FastMutex _mutex;
};

class StatsCollector
{
public:
	void snapshot(const SessionStats& live)
	{
		_snapshot = live;
	}

	const SessionStats& last() const
	{
		return _snapshot;
	}

private:
	SessionStats _snapshot;
};

} } // namespace Poco::Net
