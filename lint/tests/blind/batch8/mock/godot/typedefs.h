#ifndef TYPEDEFS_H
#define TYPEDEFS_H
#include <cstdint>
#include <string>
typedef std::string String;
#define ERR_FAIL_COND(m_cond) if (m_cond) return
#define ERR_FAIL_COND_V(m_cond, m_retval) if (m_cond) return m_retval
#define ERR_FAIL_NULL(m_param) if (!(m_param)) return
#define memnew(m_class) (new m_class)
#define memdelete(m_ptr) (delete (m_ptr))
#endif
