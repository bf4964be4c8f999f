//
// ParallelUploader.cpp
//
// Uploads a set of local files to the object store using a fixed number of
// worker threads.
//

#include "mock/poco_thread.h"

#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace Storage {

typedef std::function<bool(const std::string& localPath, const std::string& key)> PutObjectFn;

struct UploadReport
{
	int uploaded = 0;
	int failed = 0;
};

class ParallelUploader
{
public:
	ParallelUploader(PutObjectFn put, int workers):
		_put(put),
		_workers(workers)
	{
	}

	UploadReport upload(const std::vector<std::string>& paths, const std::string& prefix)
	{
		UploadReport report;
		Poco::FastMutex cursorMutex;
		std::size_t cursor = 0;

		std::vector<std::thread> threads;
		for (int w = 0; w < _workers; ++w)
		{
			threads.emplace_back([&]()
			{
				for (;;)
				{
					std::size_t index;
					{
						Poco::FastMutex::ScopedLock lock(cursorMutex);
						if (cursor >= paths.size()) return;
						index = cursor++;
					}
					const std::string& path = paths[index];
					if (_put(path, prefix + "/" + baseName(path)))
						++report.uploaded; // EXPECT: concurrency-closure-captures-mutable
					else
						++report.failed;
				}
			});
		}
		for (std::thread& t: threads) t.join();
		return report;
	}

private:
	static std::string baseName(const std::string& path)
	{
		std::string::size_type pos = path.find_last_of('/');
		return pos == std::string::npos ? path : path.substr(pos + 1);
	}

	PutObjectFn _put;
	int _workers;
};

} // namespace Storage
