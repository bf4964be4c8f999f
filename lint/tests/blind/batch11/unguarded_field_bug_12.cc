// Per-table statistics cache in the style of InnoDB's dict0stats: the
// background stats thread recalculates under the X latch, the optimizer
// reads under the S latch.
#include <cstdint>
#include <string>

#include "mysql_mock.h"

class dict_table_stats_t {
 public:
  explicit dict_table_stats_t(std::string name) : m_name(std::move(name)) {
    rw_lock_create(0, &m_latch, 0);
  }
  ~dict_table_stats_t() { rw_lock_free(&m_latch); }

  void update(ulint n_rows, ulint clustered_pages, ulint sum_other_pages) {
    rw_lock_x_lock(&m_latch);
    m_n_rows = n_rows;
    m_clustered_index_size = clustered_pages;
    m_sum_of_other_index_sizes = sum_other_pages;
    m_modified_counter = 0;
    m_initialized = true;
    rw_lock_x_unlock(&m_latch);
  }

  void row_modified() {
    rw_lock_x_lock(&m_latch);
    m_modified_counter++;
    rw_lock_x_unlock(&m_latch);
  }

  bool get(ulint* n_rows, ulint* pages) {
    rw_lock_s_lock(&m_latch);
    const bool ok = m_initialized;
    *n_rows = m_n_rows;
    *pages = m_clustered_index_size + m_sum_of_other_index_sizes;
    rw_lock_s_unlock(&m_latch);
    return ok;
  }

  bool needs_recalc() {
    rw_lock_s_lock(&m_latch);
    const bool recalc = !m_initialized || m_modified_counter > m_n_rows / 10;
    rw_lock_s_unlock(&m_latch);
    return recalc;
  }

  /** For SHOW TABLE STATUS diagnostics. */
  void print(std::string* out) const {
    *out = m_name + ": rows " + std::to_string(m_n_rows);  // EXPECT: concurrency-unguarded-field
    *out += ", modified " + std::to_string(m_modified_counter);  // EXPECT: concurrency-unguarded-field
  }

 private:
  const std::string m_name;
  rw_lock_t m_latch;
  ulint m_n_rows = 0;
  ulint m_clustered_index_size = 0;
  ulint m_sum_of_other_index_sizes = 0;
  ulint m_modified_counter = 0;
  bool m_initialized = false;
};
