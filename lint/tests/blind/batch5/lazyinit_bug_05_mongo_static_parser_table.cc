/**
 *    Copyright (C) 2023-present MongoDB, Inc.
 *
 *    This program is free software: you can redistribute it and/or modify
 *    it under the terms of the Server Side Public License, version 1.
 */

#include "mock/mongo_stdx.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace mongo {

using ExpressionParser = std::function<int(const std::string&)>;
using ParserMap = std::map<std::string, ExpressionParser>;

namespace {

int parseConstant(const std::string& arg) {
    return static_cast<int>(arg.size());
}

int parseFieldPath(const std::string& arg) {
    return arg.empty() || arg[0] != '$' ? -1 : static_cast<int>(arg.size() - 1);
}

/**
 * Returns the table of the built-in expression parsers. Aggregation
 * pipelines are parsed concurrently by every client thread.
 */
const ParserMap& builtinParsers() {
    static ParserMap* parsers = nullptr;
    if (!parsers) {  // EXPECT: concurrency-lazy-init-race
        parsers = new ParserMap();
        (*parsers)["$literal"] = parseConstant;
        (*parsers)["$const"] = parseConstant;
        (*parsers)["$getField"] = parseFieldPath;
    }
    return *parsers;
}

}  // namespace

class ExpressionParserRegistry {
public:
    void registerParser(const std::string& name, ExpressionParser parser) {
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        _custom[name] = std::move(parser);
    }

    int parse(const std::string& name, const std::string& arg) const {
        const ParserMap& builtins = builtinParsers();
        auto it = builtins.find(name);
        if (it != builtins.end()) {
            return it->second(arg);
        }
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        auto custom = _custom.find(name);
        return custom == _custom.end() ? -1 : custom->second(arg);
    }

    std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto& entry : builtinParsers()) out.push_back(entry.first);
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        for (const auto& entry : _custom) out.push_back(entry.first);
        return out;
    }

private:
    mutable stdx::mutex _mutex;
    ParserMap _custom;
};

}  // namespace mongo
