import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpawnedApi, spawnApi } from './support/verdict-factories';

// PGlite on a disk that fills up, and on folders it cannot use, with the API in its own process
// (as an operator runs it). Needs a small tmpfs, which only root can mount: elsewhere the tests
// are skipped and say why.

/** Mounts a tmpfs of `size` (e.g. "160m", options "ro") on a new folder; null (with the reason printed) when it cannot. */
function mountTmpfs(size: string, extra = ''): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'isnad-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}${extra ? `,${extra}` : ''}`, 'tmpfs', dir], { stdio: 'pipe' });
    return dir;
  } catch (error) {
    process.stdout.write(`SKIPPED (disk-full tests): cannot mount a tmpfs here (${String((error as Error).message).split('\n')[0]}); run as root to test\n`);
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}

function unmount(dir: string | null): void {
  if (!dir) return;
  spawnSync('umount', [dir]);
  rmSync(dir, { recursive: true, force: true });
}

/** Fills the rest of the disk holding `dir`; returns the filler's path. */
function fillDisk(dir: string): string {
  const filler = join(dir, 'filler');
  const fd = openSync(filler, 'w');
  for (const size of [1 << 20, 4096, 512, 1]) {
    const chunk = Buffer.alloc(size, 1);
    try {
      for (;;) writeSync(fd, chunk);
    } catch {
      // ENOSPC: on to smaller chunks.
    }
  }
  closeSync(fd);
  return filler;
}

/** Starts main.ts on a PGlite folder and returns how it ended (it should not start). */
function startExpectingFailure(dataDir: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, ['-r', './scripts/register-ts.cjs', 'apps/api/src/main.ts'], {
    cwd: join(__dirname, '..'),
    env: { ...process.env, ISNAD_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'error', DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

const canMount = process.getuid?.() === 0 && !process.env.DATABASE_URL;
if (!canMount) {
  process.stdout.write(`SKIPPED (disk-full tests): ${process.env.DATABASE_URL ? 'they test embedded PGlite, and DATABASE_URL is set' : 'mounting a tmpfs needs root'}\n`);
}

(canMount ? describe : describe.skip)('embedded PGlite when its disk is full', () => {
  jest.setTimeout(240_000);

  it('refuses a write with SERVICE_UNAVAILABLE (DISK_FULL), turns readiness to 503, keeps answering liveness, and still stops on SIGTERM', async () => {
    const disk = mountTmpfs('160m');
    if (!disk) return;
    let api: SpawnedApi | undefined;
    try {
      api = await spawnApi({ ISNAD_DATA_DIR: join(disk, 'pgdata'), DATABASE_URL: '' });
      const post = (query: string, variables: Record<string, unknown>) =>
        fetch(`${api!.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${api!.token}` },
          body: JSON.stringify({ query, variables }),
        }).then(async (response) => ({ status: response.status, body: (await response.json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] } }));
      const capture = (n: number) =>
        post(`mutation($input: CaptureArticleInput!) { captureArticle(input: $input) { article { id } } }`, {
          input: { url: `https://full.example/${n}`, text: `قال المتحدث إن الجسر انهار أمس. ${'نص طويل '.repeat(60_000)}${n}`, language: 'ar' },
        });
      expect((await capture(0)).body.errors).toBeUndefined();

      fillDisk(disk);
      const refused = await capture(1);
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'DISK_FULL' });
      const ready = await fetch(`${api.url}/health/ready`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { error: Record<string, unknown> }).error.storage).toMatchObject({ status: 'down', reason: 'DISK_FULL' });
      const live = await fetch(`${api.url}/health/live`);
      expect(live.status).toBe(200);

      const started = Date.now();
      await api.kill('SIGTERM');
      expect(Date.now() - started).toBeLessThan(15_000);
      api = undefined;
    } finally {
      await api?.kill('SIGKILL');
      unmount(disk);
    }
  });

  it('will not start on a read-only folder, and says which folder and why', () => {
    const disk = mountTmpfs('8m', 'ro');
    if (!disk) return;
    try {
      // The folder exists (an operator's volume mounted read-only).
      const { status, output } = startExpectingFailure(disk);
      expect(status).not.toBe(0);
      expect(output).toContain(`Cannot use the database folder ${disk}`);
      expect(output).toContain('read-only file system');
    } finally {
      unmount(disk);
    }
  });

  it('will not start on a full disk, and says which folder and why', () => {
    const disk = mountTmpfs('8m');
    if (!disk) return;
    try {
      fillDisk(disk);
      const { status, output } = startExpectingFailure(join(disk, 'pgdata'));
      expect(status).not.toBe(0);
      expect(output).toContain(`Cannot use the database folder ${join(disk, 'pgdata')}`);
      expect(output).toMatch(/disk is full|MB free/);
    } finally {
      unmount(disk);
    }
  });
});
