// Commit-order queue in the style of MySQL's Commit_order_manager: worker
// threads register in commit order and wait for their turn. The queue
// helpers are only ever called with m_lock held.
#include <deque>

#include "mysql_mock.h"

class Commit_order_queue {
 public:
  Commit_order_queue() {
    mysql_mutex_init(0, &m_lock, nullptr);
    mysql_cond_init(0, &m_turn_cond);
  }
  ~Commit_order_queue() {
    mysql_cond_destroy(&m_turn_cond);
    mysql_mutex_destroy(&m_lock);
  }

  void register_trx(uint worker_id) {
    mysql_mutex_lock(&m_lock);
    push_locked(worker_id);
    mysql_mutex_unlock(&m_lock);
  }

  void wait_for_turn(uint worker_id) {
    mysql_mutex_lock(&m_lock);
    while (!is_head_locked(worker_id)) mysql_cond_wait(&m_turn_cond, &m_lock);
    mysql_mutex_unlock(&m_lock);
  }

  void finish_trx(uint worker_id) {
    mysql_mutex_lock(&m_lock);
    if (is_head_locked(worker_id)) {
      pop_locked();
      m_committed++;
    }
    mysql_cond_broadcast(&m_turn_cond);
    mysql_mutex_unlock(&m_lock);
  }

  ulonglong committed() {
    mysql_mutex_lock(&m_lock);
    ulonglong n = m_committed;
    mysql_mutex_unlock(&m_lock);
    return n;
  }

 private:
  void push_locked(uint worker_id) {
    mysql_mutex_assert_owner(&m_lock);
    m_queue.push_back(worker_id);
  }

  bool is_head_locked(uint worker_id) const {
    return !m_queue.empty() && m_queue.front() == worker_id;
  }

  void pop_locked() {
    mysql_mutex_assert_owner(&m_lock);
    m_queue.pop_front();
  }

  mysql_mutex_t m_lock;
  mysql_cond_t m_turn_cond;
  std::deque<uint> m_queue;
  ulonglong m_committed = 0;
};
