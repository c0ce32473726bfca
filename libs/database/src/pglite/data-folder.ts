import { mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Free space below which PGlite cannot create or grow its files (a fresh database is about 40 MB). */
export const MIN_FREE_BYTES = 64 * 1024 * 1024;

/**
 * Checks, before PGlite opens it, that the data folder can be created and written and has room;
 * throws an error naming the folder and the cause (PGlite itself says only "errno 51" or "failed
 * to initialize properly").
 */
export function assertUsableDataFolder(dir: string): void {
  const refuse = (cause: string) => new Error(`Cannot use the database folder ${dir}: ${cause}`);
  try {
    mkdirSync(dir, { recursive: true });
    const probe = join(dir, `.isnad-write-check-${process.pid}`);
    writeFileSync(probe, Buffer.alloc(64 * 1024));
    rmSync(probe, { force: true });
  } catch (error) {
    throw refuse(describeFsError(error));
  }
  const { bavail, bsize } = statfsSync(dir);
  const free = bavail * bsize;
  if (free < MIN_FREE_BYTES) throw refuse(`only ${Math.floor(free / 1024 / 1024)} MB free on its disk; it needs at least ${MIN_FREE_BYTES / 1024 / 1024} MB`);
}

/** The cause of an error PGlite raised opening `dir`, as a sentence naming the folder. */
export function dataFolderError(dir: string, error: unknown): Error {
  return new Error(`Cannot open the database in ${dir}: ${describeFsError(error)}`, { cause: error });
}

function describeFsError(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full (ENOSPC)';
    case 'EROFS':
      return 'the folder is on a read-only file system (EROFS)';
    case 'EACCES':
    case 'EPERM':
      return `this process may not write there (${code})`;
    default:
      return message ?? String(error);
  }
}
