// Stand-in for boost/thread/lock_types.hpp and lock_guard.hpp.
#ifndef BOOST_THREAD_LOCK_TYPES_HPP
#define BOOST_THREAD_LOCK_TYPES_HPP

namespace boost {

struct defer_lock_t {};
struct try_to_lock_t {};
struct adopt_lock_t {};
constexpr defer_lock_t defer_lock = {};
constexpr try_to_lock_t try_to_lock = {};
constexpr adopt_lock_t adopt_lock = {};

template <typename Mutex> class lock_guard {
  Mutex &m;

public:
  explicit lock_guard(Mutex &m_) : m(m_) { m.lock(); }
  lock_guard(Mutex &m_, adopt_lock_t) : m(m_) {}
  ~lock_guard() { m.unlock(); }
  lock_guard(const lock_guard &) = delete;
};

template <typename Mutex> class unique_lock {
  Mutex *m;
  bool is_locked;

public:
  unique_lock() : m(nullptr), is_locked(false) {}
  explicit unique_lock(Mutex &m_) : m(&m_), is_locked(false) { lock(); }
  unique_lock(Mutex &m_, adopt_lock_t) : m(&m_), is_locked(true) {}
  unique_lock(Mutex &m_, defer_lock_t) : m(&m_), is_locked(false) {}
  unique_lock(Mutex &m_, try_to_lock_t) : m(&m_), is_locked(false) { try_lock(); }
  ~unique_lock() {
    if (owns_lock())
      m->unlock();
  }
  unique_lock(const unique_lock &) = delete;

  void lock() {
    m->lock();
    is_locked = true;
  }
  bool try_lock() {
    is_locked = m->try_lock();
    return is_locked;
  }
  void unlock() {
    m->unlock();
    is_locked = false;
  }
  bool owns_lock() const { return is_locked; }
  explicit operator bool() const { return owns_lock(); }
  Mutex *mutex() const { return m; }
  Mutex *release() {
    Mutex *res = m;
    m = nullptr;
    is_locked = false;
    return res;
  }
};

template <typename Mutex> class shared_lock {
  Mutex *m;
  bool is_locked;

public:
  explicit shared_lock(Mutex &m_) : m(&m_), is_locked(false) { lock(); }
  shared_lock(Mutex &m_, defer_lock_t) : m(&m_), is_locked(false) {}
  ~shared_lock() {
    if (is_locked)
      m->unlock_shared();
  }
  void lock() {
    m->lock_shared();
    is_locked = true;
  }
  void unlock() {
    m->unlock_shared();
    is_locked = false;
  }
  bool owns_lock() const { return is_locked; }
};

template <typename Mutex> class upgrade_lock {
  Mutex *m;
  bool is_locked;

public:
  explicit upgrade_lock(Mutex &m_) : m(&m_), is_locked(false) { lock(); }
  ~upgrade_lock() {
    if (is_locked)
      m->unlock_upgrade();
  }
  void lock() {
    m->lock_upgrade();
    is_locked = true;
  }
  void unlock() {
    m->unlock_upgrade();
    is_locked = false;
  }
  bool owns_lock() const { return is_locked; }
  Mutex *mutex() const { return m; }
};

template <typename Mutex> class upgrade_to_unique_lock {
  upgrade_lock<Mutex> *source;

public:
  explicit upgrade_to_unique_lock(upgrade_lock<Mutex> &m_) : source(&m_) {
    source->mutex()->unlock_upgrade_and_lock();
  }
  ~upgrade_to_unique_lock() {
    if (source)
      source->mutex()->unlock_and_lock_upgrade();
  }
  upgrade_to_unique_lock(const upgrade_to_unique_lock &) = delete;
};

} // namespace boost

#endif
