#include "examples/concurrent/scenarios.h"

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <utility>
#include <vector>

#include "absl/hash/hash.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "client/generators.h"
#include "examples/concurrent/structures.h"

namespace examples::concurrent {
namespace {

namespace gen = lockstep::gen;
using lockstep::concurrent::ConcurrentStateMachine;

// Keys are few, so that the races' key patterns are common: the cache
// needs three keys to evict one, the map one key per stripe.
constexpr size_t kLruCapacity = 2;

// Models compare and hash, so that the checker memoizes states.
struct Items {
  std::deque<int> items;
  bool operator==(const Items& o) const { return items == o.items; }
  template <typename H>
  friend H AbslHashValue(H h, const Items& m) {
    return H::combine(std::move(h), m.items);
  }
};
void PrintTo(const Items& m, std::ostream* out) {
  *out << lockstep::Print(m.items);
}

struct Value {
  int value = 0;
  bool operator==(const Value& o) const { return value == o.value; }
  template <typename H>
  friend H AbslHashValue(H h, const Value& m) {
    return H::combine(std::move(h), m.value);
  }
};
void PrintTo(const Value& m, std::ostream* out) { *out << m.value; }

// For the map, and for the cache (most recently used first in `order`).
struct Entries {
  std::map<int, int> entries;
  std::deque<int> order;
  bool operator==(const Entries& o) const {
    return entries == o.entries && order == o.order;
  }
  template <typename H>
  friend H AbslHashValue(H h, const Entries& m) {
    return H::combine(std::move(h), m.entries, m.order);
  }
  void Touch(int key) {
    for (auto it = order.begin(); it != order.end(); ++it) {
      if (*it == key) {
        order.erase(it);
        break;
      }
    }
    order.push_front(key);
  }
};
void PrintTo(const Entries& m, std::ostream* out) {
  *out << lockstep::Print(m.entries);
}

template <typename S, typename M>
void Configure(ConcurrentStateMachine<S, M>& machine, const Options& options) {
  machine.Mode(options.mode)
      .Scenarios(options.shape)
      .Schedules(options.schedule);
}

void QueueScenario(lockstep::TestCase& tc, bool racy, const Options& o) {
  ConcurrentStateMachine<Queue, Items> m(
      [racy] { return std::make_unique<Queue>(racy); });
  m.SystemName("q");
  Configure(m, o);
  m.Command<void(int)>("Push")
      .Args(gen::Integers<int>(0, 9))
      .Run([](Queue& q, int x) { q.Push(x); })
      .Next([](Items& m, int x) { m.items.push_back(x); });
  m.Command<std::optional<int>()>("TryPop")
      .Run([](Queue& q) { return q.TryPop(); })
      .Next([](Items& m) -> std::optional<int> {
        if (m.items.empty()) return std::nullopt;
        int x = m.items.front();
        m.items.pop_front();
        return x;
      });
  m.Run(tc);
}

void CounterScenario(lockstep::TestCase& tc, bool racy, const Options& o) {
  ConcurrentStateMachine<Counter, Value> m(
      [racy] { return std::make_unique<Counter>(racy); });
  m.SystemName("c");
  Configure(m, o);
  m.Command<int()>("Increment")
      .Run([](Counter& c) { return c.Increment(); })
      .Next([](Value& m) { return ++m.value; });
  m.Command<int()>("Get")
      .Run([](Counter& c) { return c.Get(); })
      .Next([](Value& m) { return m.value; });
  m.Run(tc);
}

void LruScenario(lockstep::TestCase& tc, bool racy, const Options& o) {
  ConcurrentStateMachine<LruCache, Entries> m(
      [racy] { return std::make_unique<LruCache>(racy, kLruCapacity); });
  m.SystemName("lru");
  Configure(m, o);
  m.Command<void(int, int)>("Put")
      .Args(gen::Integers<int>(0, 2), gen::Integers<int>(0, 9))
      .Run([](LruCache& c, int k, int v) { c.Put(k, v); })
      .Next([](Entries& m, int k, int v) {
        m.entries[k] = v;
        m.Touch(k);
        if (m.order.size() > kLruCapacity) {
          m.entries.erase(m.order.back());
          m.order.pop_back();
        }
      });
  m.Command<std::optional<int>(int)>("Get")
      .Args(gen::Integers<int>(0, 2))
      .Run([](LruCache& c, int k) { return c.Get(k); })
      .Next([](Entries& m, int k) -> std::optional<int> {
        auto it = m.entries.find(k);
        if (it == m.entries.end()) return std::nullopt;
        m.Touch(k);
        return it->second;
      });
  m.Command<int()>("Size")
      .Run([](LruCache& c) { return c.Size(); })
      .Next([](Entries& m) { return static_cast<int>(m.entries.size()); });
  m.Run(tc);
}

void MapScenario(lockstep::TestCase& tc, bool racy, const Options& o) {
  ConcurrentStateMachine<StripedMap, Entries> m(
      [racy] { return std::make_unique<StripedMap>(racy); });
  m.SystemName("map");
  Configure(m, o);
  m.Command<bool(int, int)>("Put")
      .Args(gen::Integers<int>(0, 1), gen::Integers<int>(0, 9))
      .Run([](StripedMap& s, int k, int v) { return s.Put(k, v); })
      .Next([](Entries& m, int k, int v) {
        bool inserted = m.entries.count(k) == 0;
        m.entries[k] = v;
        return inserted;
      });
  m.Command<bool(int)>("Erase")
      .Args(gen::Integers<int>(0, 1))
      .Run([](StripedMap& s, int k) { return s.Erase(k); })
      .Next([](Entries& m, int k) { return m.entries.erase(k) > 0; });
  m.Command<std::optional<int>(int)>("Get")
      .Args(gen::Integers<int>(0, 1))
      .Run([](StripedMap& s, int k) { return s.Get(k); })
      .Next([](Entries& m, int k) -> std::optional<int> {
        auto it = m.entries.find(k);
        if (it == m.entries.end()) return std::nullopt;
        return it->second;
      });
  m.Command<int()>("Size")
      .Run([](StripedMap& s) { return s.Size(); })
      .Next([](Entries& m) { return static_cast<int>(m.entries.size()); });
  m.Run(tc);
}

void RingScenario(lockstep::TestCase& tc, bool racy, const Options& o) {
  ConcurrentStateMachine<RingBuffer, Items> m(
      [racy] { return std::make_unique<RingBuffer>(racy); });
  m.SystemName("ring");
  Configure(m, o);
  m.Command<bool(int)>("Push")
      .Args(gen::Integers<int>(0, 9))
      .Run([](RingBuffer& r, int x) { return r.Push(x); })
      .Next([](Items& m, int x) {
        if (m.items.size() == RingBuffer::kCapacity) return false;
        m.items.push_back(x);
        return true;
      });
  m.Command<std::optional<int>()>("Pop")
      .Run([](RingBuffer& r) { return r.Pop(); })
      .Next([](Items& m) -> std::optional<int> {
        if (m.items.empty()) return std::nullopt;
        int x = m.items.front();
        m.items.pop_front();
        return x;
      });
  m.Run(tc);
}

}  // namespace

void RunScenario(lockstep::TestCase& tc, Structure structure, bool racy,
                 const Options& options) {
  switch (structure) {
    case Structure::kQueue:
      return QueueScenario(tc, racy, options);
    case Structure::kCounter:
      return CounterScenario(tc, racy, options);
    case Structure::kLruCache:
      return LruScenario(tc, racy, options);
    case Structure::kStripedMap:
      return MapScenario(tc, racy, options);
    case Structure::kRingBuffer:
      return RingScenario(tc, racy, options);
  }
}

std::string ScenarioOf(const std::string& message) {
  std::string out;
  bool in = false;
  for (absl::string_view line : absl::StrSplit(message, '\n')) {
    if (line == "  scenario:") {
      in = true;
      continue;
    }
    if (in && (!absl::StartsWith(line, "    ") ||
               absl::StartsWith(line, "    interleaving"))) {
      break;
    }
    if (in) absl::StrAppend(&out, line, "\n");
  }
  return out;
}

std::string InterleavingOf(const std::string& message) {
  std::vector<std::string> lines = absl::StrSplit(message, '\n');
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (absl::StartsWith(lines[i], "    interleaving")) {
      return absl::StrCat(lines[i], "\n", lines[i + 1]);
    }
  }
  return "";
}

ScenarioSize SizeOf(const std::string& table) {
  ScenarioSize size;
  enum { kNone, kPrefix, kThreads, kSuffix } part = kNone;
  for (absl::string_view line : absl::StrSplit(table, '\n')) {
    if (line.empty()) continue;
    if (line == "    prefix:") {
      part = kPrefix;
    } else if (line == "    suffix:") {
      part = kSuffix;
    } else if (absl::StartsWith(line, "    thread ")) {
      part = kThreads;
      size.threads =
          std::vector<absl::string_view>(absl::StrSplit(line, " | ")).size();
    } else if (part == kPrefix) {
      ++size.prefix;
    } else if (part == kSuffix) {
      ++size.suffix;
    } else if (part == kThreads) {
      for (absl::string_view cell : absl::StrSplit(line, " | ")) {
        if (!absl::StripAsciiWhitespace(cell).empty()) ++size.parallel;
      }
    }
  }
  return size;
}

}  // namespace examples::concurrent
