// Background decoder for image frames. Decoding happens with the lock
// dropped; results are published under the lock.

#include <cstdint>
#include <deque>
#include <vector>

#include "mock/webkit_lock.h"

namespace WebCore {

struct FrameRequest {
    unsigned index { 0 };
    std::vector<uint8_t> encoded;
};

struct DecodedFrame {
    unsigned index { 0 };
    std::vector<uint32_t> pixels;
};

DecodedFrame decodeFrame(const FrameRequest&);

class ImageFrameWorkQueue {
public:
    void enqueue(FrameRequest&& request)
    {
        Locker locker { m_lock };
        m_requests.push_back(WTFMove(request));
        m_condition.notifyOne();
    }

    void stop()
    {
        Locker locker { m_lock };
        m_stopped = true;
        m_condition.notifyAll();
    }

    size_t decodedCount()
    {
        Locker locker { m_lock };
        return m_decoded.size();
    }

    void workerLoop()
    {
        Locker locker { m_lock };
        while (true) {
            m_condition.wait(m_lock, [this] { return m_stopped || !m_requests.empty(); });
            if (m_stopped)
                return;
            FrameRequest request = WTFMove(m_requests.front());
            m_requests.pop_front();
            DecodedFrame frame;
            {
                DropLockForScope unlocker { locker };
                frame = decodeFrame(request);
            }
            m_decoded.push_back(WTFMove(frame));
        }
    }

private:
    Lock m_lock;
    Condition m_condition;
    std::deque<FrameRequest> m_requests;
    std::vector<DecodedFrame> m_decoded;
    bool m_stopped { false };
};

} // namespace WebCore
