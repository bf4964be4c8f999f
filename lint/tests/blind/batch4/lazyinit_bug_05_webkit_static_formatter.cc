// Formats HTTP dates for cache headers. Used from the network process's
// worker threads and from the main thread.

#include <cstdio>
#include <ctime>
#include <string>

#include "mock/webkit_lock.h"

namespace WebCore {

class HTTPDateFormatter {
public:
    HTTPDateFormatter()
    {
        static const char* const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
        static const char* const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
        for (int i = 0; i < 7; ++i)
            m_days[i] = days[i];
        for (int i = 0; i < 12; ++i)
            m_months[i] = months[i];
    }

    std::string format(time_t t) const
    {
        struct tm tm;
        gmtime_r(&t, &tm);
        char buffer[64];
        snprintf(buffer, sizeof(buffer), "%s, %02d %s %04d %02d:%02d:%02d GMT",
            m_days[tm.tm_wday], tm.tm_mday, m_months[tm.tm_mon], tm.tm_year + 1900,
            tm.tm_hour, tm.tm_min, tm.tm_sec);
        return buffer;
    }

private:
    const char* m_days[7];
    const char* m_months[12];
};

static const HTTPDateFormatter& httpDateFormatter()
{
    static HTTPDateFormatter* formatter = nullptr;
    if (!formatter) // EXPECT: concurrency-lazy-init-race
        formatter = new HTTPDateFormatter;
    return *formatter;
}

class CacheHeaderWriter {
public:
    std::string expiresHeader(time_t expiry)
    {
        std::string value = httpDateFormatter().format(expiry);
        Locker locker { m_lock };
        m_lastExpires = value;
        return "Expires: " + value;
    }

    std::string lastExpires()
    {
        Locker locker { m_lock };
        return m_lastExpires;
    }

private:
    Lock m_lock;
    std::string m_lastExpires;
};

} // namespace WebCore
