/**
 *    Copyright (C) 2023-present MongoDB, Inc.
 *
 * Caches the parsed server parameters that the query planner consults for
 * every query. Parsing happens on first use, from whichever client thread
 * plans first.
 */

#include "mongo/stdx/mutex.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace mongo {

struct PlannerKnobs {
    int64_t maxIndexedSolutions = 64;
    int64_t maxOrSolutions = 10;
    bool enableHashIntersection = false;
};

class QueryKnobCache {
public:
    explicit QueryKnobCache(std::map<std::string, std::string> rawParams)
        : _rawParams(std::move(rawParams)) {}

    const PlannerKnobs& knobs() {
        if (!_parsed.has_value()) {  // EXPECT: concurrency-lazy-init-race
            _parsed.emplace(_parse());
        }
        return *_parsed;
    }

    void recordPlan(const std::string& shape) {
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        ++_plansByShape[shape];
    }

    int64_t plansFor(const std::string& shape) {
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        auto it = _plansByShape.find(shape);
        return it == _plansByShape.end() ? 0 : it->second;
    }

private:
    PlannerKnobs _parse() const {
        PlannerKnobs k;
        auto it = _rawParams.find("internalQueryPlannerMaxIndexedSolutions");
        if (it != _rawParams.end()) {
            k.maxIndexedSolutions = std::stoll(it->second);
        }
        it = _rawParams.find("internalQueryEnumerationMaxOrSolutions");
        if (it != _rawParams.end()) {
            k.maxOrSolutions = std::stoll(it->second);
        }
        return k;
    }

    const std::map<std::string, std::string> _rawParams;
    std::optional<PlannerKnobs> _parsed;

    stdx::mutex _mutex;
    std::map<std::string, int64_t> _plansByShape;
};

}  // namespace mongo
