//
// TimeZoneCache.cpp
//
// Resolves IANA time zone names for the logging formatter. Formatting runs
// in every thread that logs.
//

#include "Poco/Mutex.h"

#include <map>
#include <string>

namespace Poco {

class TimeZoneInfo
{
public:
	explicit TimeZoneInfo(const std::string& name): _name(name), _utcOffset(0) {}
	const std::string& name() const { return _name; }
	int utcOffset() const { return _utcOffset; }
	void setUtcOffset(int offset) { _utcOffset = offset; }

private:
	std::string _name;
	int _utcOffset;
};

class TimeZoneCache
{
public:
	TimeZoneInfo get(const std::string& name)
	{
		FastMutex::ScopedLock lock(_mutex);
		std::map<std::string, TimeZoneInfo>::iterator it = _zones.find(name);
		if (it == _zones.end())
			it = _zones.insert(std::make_pair(name, TimeZoneInfo(name))).first;
		return it->second;
	}

private:
	FastMutex _mutex;
	std::map<std::string, TimeZoneInfo> _zones;
};

static TimeZoneInfo* loadLocalZone()
{
	TimeZoneInfo* zone = new TimeZoneInfo("localtime");
	zone->setUtcOffset(0);
	return zone;
}

const TimeZoneInfo& localZone()
{
	static TimeZoneInfo* pLocal = 0;
	if (!pLocal) // EXPECT: concurrency-lazy-init-race
		pLocal = loadLocalZone();
	return *pLocal;
}

std::string formatZone(TimeZoneCache& cache, const std::string& name)
{
	const TimeZoneInfo zone = name.empty() ? localZone() : cache.get(name);
	return zone.name() + " " + std::to_string(zone.utcOffset());
}

} // namespace Poco
