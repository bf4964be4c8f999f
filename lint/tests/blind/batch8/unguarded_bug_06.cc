//
// NotificationCenter.cpp
//
// Dispatches notifications to the registered observers. Observers may
// unregister themselves from inside their callback, so the mutex is dropped
// while an observer runs.
//

#include "Poco/Mutex.h"

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

namespace Poco {

class NotificationCenter
{
public:
	typedef std::function<void(const std::string&)> Observer;

	int addObserver(const Observer& observer)
	{
		Mutex::ScopedLock lock(_mutex);
		_observers.push_back(Slot{++_nextId, observer});
		return _nextId;
	}

	void removeObserver(int id)
	{
		Mutex::ScopedLock lock(_mutex);
		_observers.erase(std::remove_if(_observers.begin(), _observers.end(),
			[id](const Slot& s) { return s.id == id; }), _observers.end());
	}

	void postNotification(const std::string& name)
	{
		Mutex::ScopedLock lock(_mutex);
		std::vector<Slot> observers = _observers;
		for (const Slot& slot: observers)
		{
			ScopedUnlock<Mutex> unlock(_mutex);
			slot.observer(name);
			_lastPosted = name; // EXPECT: concurrency-unguarded-field
		}
		++_posted;
	}

	std::string lastPosted() const
	{
		Mutex::ScopedLock lock(_mutex);
		return _lastPosted;
	}

	void reset()
	{
		Mutex::ScopedLock lock(_mutex);
		_observers.clear();
		_lastPosted.clear();
		_posted = 0;
	}

	std::size_t posted() const
	{
		Mutex::ScopedLock lock(_mutex);
		return _posted;
	}

private:
	struct Slot
	{
		int id;
		Observer observer;
	};

	mutable Mutex _mutex;
	std::vector<Slot> _observers;
	std::string _lastPosted;
	std::size_t _posted = 0;
	int _nextId = 0;
};

} // namespace Poco

void broadcastShutdown(Poco::NotificationCenter& nc)
{
	nc.postNotification("shutdown");
}
