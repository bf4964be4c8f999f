/*
 * Shared state of a background checkpoint requester in the style of
 * PostgreSQL's checkpointer.c: backends request checkpoints, the
 * checkpointer consumes them. Every access after initialization holds
 * the spinlock; the init function creates the lock and fills the struct
 * before any other process can see it.
 */
#include "pg_mock.h"

#define CHECKPOINT_IMMEDIATE	0x0004
#define CHECKPOINT_FORCE		0x0008

typedef struct CheckpointerShmemStruct
{
	int			checkpointer_pid;
	slock_t		ckpt_lck;		/* protects all the ckpt_* fields */
	int			ckpt_started;
	int			ckpt_done;
	int			ckpt_failed;
	int			ckpt_flags;
} CheckpointerShmemStruct;

void
CheckpointerShmemInit(CheckpointerShmemStruct *cps)
{
	SpinLockInit(&cps->ckpt_lck);
	cps->checkpointer_pid = 0;
	cps->ckpt_started = 0;
	cps->ckpt_done = 0;
	cps->ckpt_failed = 0;
	cps->ckpt_flags = 0;
}

int
RequestCheckpoint(CheckpointerShmemStruct *cps, int flags)
{
	int			started;

	SpinLockAcquire(&cps->ckpt_lck);
	started = cps->ckpt_started;
	cps->ckpt_flags |= flags;
	SpinLockRelease(&cps->ckpt_lck);
	return started;
}

int
ConsumeCheckpointRequest(CheckpointerShmemStruct *cps)
{
	int			flags;

	SpinLockAcquire(&cps->ckpt_lck);
	flags = cps->ckpt_flags;
	cps->ckpt_flags = 0;
	cps->ckpt_started++;
	SpinLockRelease(&cps->ckpt_lck);
	return flags;
}

void
CheckpointFinished(CheckpointerShmemStruct *cps, bool ok)
{
	SpinLockAcquire(&cps->ckpt_lck);
	if (ok)
		cps->ckpt_done = cps->ckpt_started;
	else
		cps->ckpt_failed++;
	SpinLockRelease(&cps->ckpt_lck);
}

bool
CheckpointCompleted(CheckpointerShmemStruct *cps, int started, int *failed)
{
	int			done;

	SpinLockAcquire(&cps->ckpt_lck);
	done = cps->ckpt_done;
	*failed = cps->ckpt_failed;
	SpinLockRelease(&cps->ckpt_lck);
	return done - started >= 0;
}
