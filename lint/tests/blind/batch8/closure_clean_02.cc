// prefetcher.cpp - prefetches the next chunks of a stream on the I/O pool.
// The pool's callbacks and the player thread share the chunk map under one
// lock.

#include <QtCore/QMutex>
#include <QtCore/QThreadPool>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

class ChunkPrefetcher
{
public:
    explicit ChunkPrefetcher(std::string url) : m_url(std::move(url)) {}

    void prefetch(int64_t first, int count)
    {
        for (int i = 0; i < count; ++i) {
            const int64_t index = first + i;
            QThreadPool::globalInstance()->start([this, index] {
                std::vector<uint8_t> data = fetch(index);
                QMutexLocker locker(&m_mutex);
                m_chunks[index] = std::move(data);
                m_bytesFetched += m_chunks[index].size();
            });
        }
    }

    bool take(int64_t index, std::vector<uint8_t> *out)
    {
        QMutexLocker locker(&m_mutex);
        auto it = m_chunks.find(index);
        if (it == m_chunks.end())
            return false;
        out->swap(it->second);
        m_chunks.erase(it);
        return true;
    }

    void seek()
    {
        QMutexLocker locker(&m_mutex);
        m_chunks.clear();
        m_bytesFetched = 0;
    }

    uint64_t bytesFetched()
    {
        QMutexLocker locker(&m_mutex);
        return m_bytesFetched;
    }

private:
    std::vector<uint8_t> fetch(int64_t index) const
    {
        return std::vector<uint8_t>(size_t(index % 7) + m_url.size(), 0);
    }

    const std::string m_url;
    QMutex m_mutex;
    std::map<int64_t, std::vector<uint8_t>> m_chunks;
    uint64_t m_bytesFetched = 0;
};
