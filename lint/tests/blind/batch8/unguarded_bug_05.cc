//
// SessionCache.cpp
//
// Caches TLS session tickets per host name so that reconnects can resume.
// The cache is shared between all HTTPSClientSession instances of a context.
//

#include "Poco/Mutex.h"

#include <ctime>
#include <list>
#include <map>
#include <string>

namespace Poco {
namespace Net {

class SessionCache
{
public:
	struct Entry
	{
		std::string ticket;
		std::time_t expires = 0;
	};

	explicit SessionCache(std::size_t capacity):
		_capacity(capacity)
	{
	}

	// Copies the cache, e.g. when a Context is cloned for a new server name.
	SessionCache(const SessionCache& other):
		_capacity(other._capacity),
		_entries(other._entries), // EXPECT: concurrency-unguarded-field
		_lru(other._lru) // EXPECT: concurrency-unguarded-field
	{
	}

	void add(const std::string& host, const Entry& entry)
	{
		FastMutex::ScopedLock lock(_mutex);
		if (_entries.find(host) == _entries.end())
		{
			_lru.push_front(host);
			if (_lru.size() > _capacity)
			{
				_entries.erase(_lru.back());
				_lru.pop_back();
			}
		}
		_entries[host] = entry;
	}

	bool find(const std::string& host, Entry& entry)
	{
		FastMutex::ScopedLock lock(_mutex);
		std::map<std::string, Entry>::const_iterator it = _entries.find(host);
		if (it == _entries.end() || it->second.expires < std::time(nullptr))
			return false;
		entry = it->second;
		return true;
	}

	void flush()
	{
		FastMutex::ScopedLock lock(_mutex);
		_entries.clear();
		_lru.clear();
	}

private:
	SessionCache& operator=(const SessionCache&);

	const std::size_t _capacity;
	std::map<std::string, Entry> _entries;
	std::list<std::string> _lru;
	mutable FastMutex _mutex;
};

} } // namespace Poco::Net

Poco::Net::SessionCache cloneForServerName(const Poco::Net::SessionCache& shared)
{
	return Poco::Net::SessionCache(shared);
}
