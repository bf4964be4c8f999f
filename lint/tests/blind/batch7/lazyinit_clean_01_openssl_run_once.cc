/*
 * Error string tables in the style of OpenSSL's crypto/err/err.c: the lock
 * and the tables are created exactly once through CRYPTO_THREAD_run_once;
 * the C++ front end caches its reason map with std::call_once.
 */
#include <map>
#include <mutex>
#include <string>

#include "mock/openssl_threads.h"

#define ERR_NUM_LIBS 64

static CRYPTO_ONCE err_string_init = CRYPTO_ONCE_STATIC_INIT;
static CRYPTO_RWLOCK *err_string_lock = NULL;
static const char *lib_names[ERR_NUM_LIBS];
static int err_string_init_ok = 0;

static void do_err_strings_init(void)
{
    err_string_lock = CRYPTO_THREAD_lock_new();
    err_string_init_ok = err_string_lock != NULL;
}

int ERR_load_lib_string(int lib, const char *name)
{
    if (lib < 0 || lib >= ERR_NUM_LIBS)
        return 0;
    if (!CRYPTO_THREAD_run_once(&err_string_init, do_err_strings_init) || !err_string_init_ok)
        return 0;
    if (!CRYPTO_THREAD_write_lock(err_string_lock))
        return 0;
    lib_names[lib] = name;
    CRYPTO_THREAD_unlock(err_string_lock);
    return 1;
}

const char *ERR_lib_error_string(int lib)
{
    const char *name;

    if (lib < 0 || lib >= ERR_NUM_LIBS)
        return NULL;
    if (!CRYPTO_THREAD_run_once(&err_string_init, do_err_strings_init) || !err_string_init_ok)
        return NULL;
    if (!CRYPTO_THREAD_read_lock(err_string_lock))
        return NULL;
    name = lib_names[lib];
    CRYPTO_THREAD_unlock(err_string_lock);
    return name;
}

namespace ossl_cxx {

class ReasonTable {
public:
    const std::string &reason(int code)
    {
        std::call_once(once_, [this] { Build(); });
        static const std::string unknown = "unknown reason";
        auto it = reasons_.find(code);
        return it == reasons_.end() ? unknown : it->second;
    }

private:
    void Build()
    {
        reasons_[100] = "malloc failure";
        reasons_[101] = "passed a null parameter";
        reasons_[102] = "internal error";
    }

    std::once_flag once_;
    std::map<int, std::string> reasons_;
};

}  // namespace ossl_cxx
