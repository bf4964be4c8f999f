/*
 * Minimal stand-in for the threading and memory parts of OpenSSL's
 * <openssl/crypto.h>. The lock is opaque; the functions are declared only.
 */
#pragma once

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef void CRYPTO_RWLOCK;

CRYPTO_RWLOCK *CRYPTO_THREAD_lock_new(void);
int CRYPTO_THREAD_read_lock(CRYPTO_RWLOCK *lock);
int CRYPTO_THREAD_write_lock(CRYPTO_RWLOCK *lock);
int CRYPTO_THREAD_unlock(CRYPTO_RWLOCK *lock);
void CRYPTO_THREAD_lock_free(CRYPTO_RWLOCK *lock);

int CRYPTO_atomic_add(int *val, int amount, int *ret, CRYPTO_RWLOCK *lock);

typedef unsigned int CRYPTO_ONCE;
#define CRYPTO_ONCE_STATIC_INIT 0
int CRYPTO_THREAD_run_once(CRYPTO_ONCE *once, void (*init)(void));

void *CRYPTO_malloc(size_t num, const char *file, int line);
void *CRYPTO_zalloc(size_t num, const char *file, int line);
void CRYPTO_free(void *ptr, const char *file, int line);
char *CRYPTO_strdup(const char *str, const char *file, int line);

#define OPENSSL_malloc(num) CRYPTO_malloc(num, __FILE__, __LINE__)
#define OPENSSL_zalloc(num) CRYPTO_zalloc(num, __FILE__, __LINE__)
#define OPENSSL_free(addr) CRYPTO_free(addr, __FILE__, __LINE__)
#define OPENSSL_strdup(str) CRYPTO_strdup(str, __FILE__, __LINE__)

void ERR_raise(int lib, int reason);
#define ERR_LIB_CRYPTO 15
#define ERR_R_MALLOC_FAILURE 65
#define ERR_R_PASSED_NULL_PARAMETER 67
#define ERR_R_UNABLE_TO_GET_WRITE_LOCK 260

#ifdef __cplusplus
}
#endif
