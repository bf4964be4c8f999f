//
// RotatingFileChannel.cpp
//
// Library: Foundation
// Package: Logging
// Module:  RotatingFileChannel
//

#include "mock/poco_thread.h"

#include <atomic>
#include <fcntl.h>
#include <string>
#include <unistd.h>
#include <vector>

namespace Poco {

class RotatingFileChannel: public Runnable
	/// A log channel that buffers messages and writes them to a file from a
	/// background thread. The file can be rotated while the channel runs.
{
public:
	explicit RotatingFileChannel(const std::string& path):
		_path(path),
		_fd(-1),
		_stop(false)
	{
	}

	~RotatingFileChannel()
	{
		_stop = true;
		_wakeUp.set();
		_thread.join();
		if (_fd >= 0) ::close(_fd);
	}

	void open()
	{
		_fd = ::open(_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
		_thread.start(*this);
	}

	void log(const std::string& message)
	{
		{
			FastMutex::ScopedLock lock(_bufferMutex);
			_buffer.append(message);
			_buffer.push_back('\n');
		}
		_wakeUp.set();
	}

	void rotate(const std::string& archivePath)
		/// Moves the current file aside and starts a new one.
	{
		::close(_fd);
		::rename(_path.c_str(), archivePath.c_str());
		_fd = ::open(_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
	}

	void run()
	{
		std::string pending;
		while (!_stop)
		{
			_wakeUp.tryWait(200);
			{
				FastMutex::ScopedLock lock(_bufferMutex);
				pending.swap(_buffer);
			}
			if (pending.empty()) continue;
			ssize_t n = ::write(_fd, pending.data(), pending.size()); // EXPECT: concurrency-use-after-close
			if (n > 0) _bytesWritten += static_cast<std::size_t>(n);
			pending.clear();
		}
	}

	std::size_t bytesWritten() const
	{
		return _bytesWritten.load();
	}

private:
	const std::string _path;
	int _fd;
	std::atomic<bool> _stop;
	std::atomic<std::size_t> _bytesWritten{0};
	FastMutex _bufferMutex;
	std::string _buffer;
	Event _wakeUp;
	Thread _thread;
};

} // namespace Poco
