#pragma once
#include <condition_variable>
#include "mongo/stdx/mutex.h"
namespace mongo {
namespace stdx {
using condition_variable = ::std::condition_variable_any;
using ::std::cv_status;
}  // namespace stdx
}  // namespace mongo
