//
// DNSCache.cpp
//
// A resolver cache shared by all HTTPClientSessions, plus the statistics the
// SocketReactor thread keeps about the lookups it dispatches.
//

#include "Poco/RWLock.h"

#include <ctime>
#include <map>
#include <string>
#include <vector>

namespace Poco {
namespace Net {

class DNSCache
{
public:
	struct Answer
	{
		std::vector<std::string> addresses;
		std::time_t expires = 0;
	};

	bool lookup(const std::string& host, Answer& answer)
	{
		ScopedReadRWLock lock(_lock);
		std::map<std::string, Answer>::const_iterator it = _answers.find(host);
		if (it == _answers.end() || it->second.expires < std::time(nullptr))
			return false;
		answer = it->second;
		return true;
	}

	void store(const std::string& host, const Answer& answer)
	{
		ScopedWriteRWLock lock(_lock);
		_answers[host] = answer;
	}

	void expire(std::time_t now)
	{
		ScopedWriteRWLock lock(_lock);
		for (std::map<std::string, Answer>::iterator it = _answers.begin(); it != _answers.end();)
		{
			if (it->second.expires < now)
				_answers.erase(it++);
			else
				++it;
		}
	}

	// Reactor thread: records the outcome of a lookup it dispatched.
	void onLookupDispatched(bool hit)
	{
		if (hit)
			++_reactorHits;
		else
			++_reactorMisses;
	}

	// Reactor thread.
	double hitRatio() const
	{
		const unsigned long total = _reactorHits + _reactorMisses;
		return total ? double(_reactorHits) / double(total) : 0.0;
	}

private:
	RWLock _lock;
	std::map<std::string, Answer> _answers;

	// Only accessed on the SocketReactor thread.
	unsigned long _reactorHits = 0;
	// Only accessed on the SocketReactor thread.
	unsigned long _reactorMisses = 0;
};

} } // namespace Poco::Net
