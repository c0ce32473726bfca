import { PGlite } from '@electric-sql/pglite';

/**
 * PGlite's start parameters: its defaults, with 8 MB of shared buffers instead of PostgreSQL's
 * 128 MB. PGlite zeroes them at start, in the API's own process, so all of them are resident from
 * the first query: an idle API held about 280 MiB for PGlite with 128 MB, about 130 MiB with 16 MB,
 * and 8 MiB less again with 8 MB (bench:startup). Its files are read through the operating system's
 * page cache, which keeps what is hot anyway, so a page that misses these buffers costs a read
 * from memory, not from disk. A newsroom whose data outgrows that runs on PostgreSQL (DATABASE_URL).
 */
export const PGLITE_START_PARAMS: readonly string[] = [...PGlite.defaultStartParams, '-c', 'shared_buffers=8MB'];
