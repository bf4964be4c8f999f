// Stand-in for boost/thread/once.hpp.
#ifndef BOOST_THREAD_ONCE_HPP
#define BOOST_THREAD_ONCE_HPP

#include <mutex>

namespace boost {

struct once_flag {
  std::once_flag impl;
};
#define BOOST_ONCE_INIT {}

template <typename Function> inline void call_once(once_flag &flag, Function f) {
  std::call_once(flag.impl, f);
}

} // namespace boost

#endif
