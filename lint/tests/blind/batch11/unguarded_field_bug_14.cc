/*
 * Shared state of a query-statistics extension in the style of
 * pg_stat_statements: the hash table is protected by an LWLock, the
 * query-text file's extent and writer count by a spinlock, because
 * backends append query texts while holding the LWLock only in shared
 * mode.
 */
#include <cstdio>

#include "pg_mock.h"

struct QueryStatsSharedState
{
	LWLock		lock;			/* protects hashtable search/modification */
	double		cur_median_usage;	/* current median usage in hashtable */
	slock_t		mutex;			/* protects following fields only: */
	Size		extent;			/* current extent of query file */
	int			n_writers;		/* number of active writers to query file */
	int			gc_count;		/* query file garbage collection cycle count */

	QueryStatsSharedState()
	{
		LWLockInitialize(&lock, 0);
		SpinLockInit(&mutex);
		cur_median_usage = 10.0;
		extent = 0;
		n_writers = 0;
		gc_count = 0;
	}

	/* Reserve space for a query text; caller holds lock in shared mode. */
	bool
	ReserveText(Size len, Size *offset, int *gc)
	{
		SpinLockAcquire(&mutex);
		*offset = extent;
		extent += len;
		n_writers++;
		*gc = gc_count;
		SpinLockRelease(&mutex);
		return true;
	}

	void
	FinishText()
	{
		SpinLockAcquire(&mutex);
		n_writers--;
		SpinLockRelease(&mutex);
	}

	/* Garbage-collect the query file; caller holds lock exclusively. */
	void
	CompactTexts(Size new_extent)
	{
		SpinLockAcquire(&mutex);
		extent = new_extent;
		gc_count++;
		SpinLockRelease(&mutex);
	}

	void
	UpdateMedianUsage(double usage)
	{
		LWLockAcquire(&lock, LW_EXCLUSIVE);
		cur_median_usage = usage;
		LWLockRelease(&lock);
	}

	/* pg_stat_statements_info(): report the size of the query file. */
	Size
	ReportExtent()
	{
		LWLockAcquire(&lock, LW_SHARED);
		Size		result = extent;	// EXPECT: concurrency-unguarded-field
		LWLockRelease(&lock);
		return result;
	}

	bool
	NeedGC(Size limit)
	{
		LWLockAcquire(&lock, LW_SHARED);
		bool		need = cur_median_usage < 2.0;
		LWLockRelease(&lock);
		return need;
	}
};
