// Doublewrite-style flush batch bookkeeping in the style of InnoDB's
// buf0flu: page cleaner threads reserve slots, the I/O completion
// threads release them.
#include <cstdint>
#include <vector>

#include "mysql_mock.h"

struct page_id_t {
  uint32_t space;
  uint32_t page_no;
};

class flush_batch_t {
 public:
  explicit flush_batch_t(ulint n_slots) : m_slots(n_slots) { mutex_create(0, &m_mutex); }
  ~flush_batch_t() { mutex_free(&m_mutex); }

  /** Reserve a slot for a page write.
  @return DB_SUCCESS, or DB_OUT_OF_MEMORY if the batch is full */
  dberr_t reserve(const page_id_t& page_id, ulint* slot_no) {
    mutex_enter(&m_mutex);
    if (m_n_reserved == m_slots.size()) {
      mutex_exit(&m_mutex);
      ib::error() << "Flush batch full, page " << page_id.page_no << ": " << m_n_reserved;  // EXPECT: concurrency-unguarded-field
      return DB_OUT_OF_MEMORY;
    }
    *slot_no = m_first_free;
    m_slots[m_first_free] = page_id;
    m_first_free = (m_first_free + 1) % m_slots.size();
    m_n_reserved++;
    mutex_exit(&m_mutex);
    return DB_SUCCESS;
  }

  /** Called from the I/O completion thread. */
  void release(ulint slot_no) {
    mutex_enter(&m_mutex);
    m_slots[slot_no] = page_id_t{0, 0};
    m_n_reserved--;
    m_n_completed++;
    mutex_exit(&m_mutex);
  }

  ulint n_reserved() {
    mutex_enter(&m_mutex);
    ulint n = m_n_reserved;
    mutex_exit(&m_mutex);
    return n;
  }

 private:
  ib_mutex_t m_mutex;
  std::vector<page_id_t> m_slots;
  ulint m_first_free = 0;
  ulint m_n_reserved = 0;
  ulint m_n_completed = 0;
};
