#pragma once
#include <unordered_map>
namespace mongo {
namespace stdx {
template <class K, class V, class H = std::hash<K>>
using unordered_map = ::std::unordered_map<K, V, H>;
}  // namespace stdx
}  // namespace mongo
