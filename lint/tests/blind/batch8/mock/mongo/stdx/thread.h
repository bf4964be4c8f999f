#pragma once
#include <thread>
namespace mongo {
namespace stdx {
using ::std::thread;
namespace this_thread = ::std::this_thread;
}  // namespace stdx
}  // namespace mongo
