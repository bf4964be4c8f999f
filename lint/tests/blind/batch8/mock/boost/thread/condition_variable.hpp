// Stand-in for boost/thread/condition_variable.hpp.
#ifndef BOOST_THREAD_CONDITION_VARIABLE_HPP
#define BOOST_THREAD_CONDITION_VARIABLE_HPP

#include <pthread.h>
#include <boost/thread/mutex.hpp>

namespace boost {

class condition_variable {
  pthread_cond_t cond;

public:
  condition_variable() { pthread_cond_init(&cond, nullptr); }
  ~condition_variable() { pthread_cond_destroy(&cond); }

  void wait(unique_lock<mutex> &m) {
    pthread_cond_wait(&cond, m.mutex()->native_handle());
  }
  template <typename Predicate> void wait(unique_lock<mutex> &m, Predicate pred) {
    while (!pred())
      wait(m);
  }
  void notify_one() { pthread_cond_signal(&cond); }
  void notify_all() { pthread_cond_broadcast(&cond); }
};

} // namespace boost

#endif
