/*
 * Shared-memory state of one WAL sender, in the style of PostgreSQL's
 * walsender.c: the sender process updates its positions under the
 * per-slot spinlock, other backends read them for pg_stat_replication
 * and for synchronous-commit decisions.
 */
#include "pg_mock.h"

typedef enum WalSndState {
	WALSNDSTATE_STARTUP = 0,
	WALSNDSTATE_CATCHUP,
	WALSNDSTATE_STREAMING,
	WALSNDSTATE_STOPPING
} WalSndState;

typedef struct WalSnd
{
	int			pid;
	WalSndState state;
	XLogRecPtr	sentPtr;
	XLogRecPtr	write;
	XLogRecPtr	flush;
	XLogRecPtr	apply;
	TimestampTz replyTime;
	slock_t		mutex;			/* locks shared variables shown above */
} WalSnd;

void
WalSndInitSlot(WalSnd *walsnd, int pid)
{
	SpinLockInit(&walsnd->mutex);
	walsnd->pid = pid;
	walsnd->state = WALSNDSTATE_STARTUP;
	walsnd->sentPtr = InvalidXLogRecPtr;
	walsnd->write = walsnd->flush = walsnd->apply = InvalidXLogRecPtr;
	walsnd->replyTime = 0;
}

void
WalSndProcessReply(WalSnd *walsnd, XLogRecPtr writePtr, XLogRecPtr flushPtr,
				   XLogRecPtr applyPtr, TimestampTz replyTime)
{
	SpinLockAcquire(&walsnd->mutex);
	walsnd->write = writePtr;
	walsnd->flush = flushPtr;
	walsnd->apply = applyPtr;
	walsnd->replyTime = replyTime;
	SpinLockRelease(&walsnd->mutex);
}

void
WalSndSetState(WalSnd *walsnd, WalSndState state)
{
	SpinLockAcquire(&walsnd->mutex);
	walsnd->state = state;
	SpinLockRelease(&walsnd->mutex);
}

void
WalSndGetPositions(WalSnd *walsnd, XLogRecPtr *write, XLogRecPtr *flush, XLogRecPtr *apply)
{
	SpinLockAcquire(&walsnd->mutex);
	*write = walsnd->write;
	*flush = walsnd->flush;
	*apply = walsnd->apply;
	SpinLockRelease(&walsnd->mutex);
}

/* Used by SyncRepGetSyncRecPtr() to decide whether commits may return. */
bool
WalSndHasFlushed(WalSnd *walsnd, XLogRecPtr target)
{
	if (walsnd->state != WALSNDSTATE_STREAMING)	// EXPECT: concurrency-unguarded-field
		return false;
	return walsnd->flush >= target;	// EXPECT: concurrency-unguarded-field
}
