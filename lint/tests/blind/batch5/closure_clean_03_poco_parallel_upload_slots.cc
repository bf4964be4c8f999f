//
// ParallelUploader.cpp
//
// Uploads a set of local files to the object store using a fixed number of
// worker threads.
//

#include "mock/poco_thread.h"

#include <atomic>
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
		std::atomic<std::size_t> cursor(0);
		std::vector<UploadReport> perWorker(_workers);

		std::vector<std::thread> threads;
		for (int w = 0; w < _workers; ++w)
		{
			UploadReport* mine = &perWorker[w];
			threads.emplace_back([this, mine, &cursor, &paths, &prefix]()
			{
				for (;;)
				{
					std::size_t index = cursor.fetch_add(1);
					if (index >= paths.size()) return;
					const std::string& path = paths[index];
					if (_put(path, prefix + "/" + baseName(path)))
						++mine->uploaded;
					else
						++mine->failed;
				}
			});
		}
		for (std::thread& t: threads) t.join();

		UploadReport total;
		for (const UploadReport& r: perWorker)
		{
			total.uploaded += r.uploaded;
			total.failed += r.failed;
		}
		return total;
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
