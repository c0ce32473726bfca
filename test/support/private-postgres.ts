import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const POSTGRES_ROOT = '/usr/lib/postgresql';

/**
 * A PostgreSQL server of this machine's installation that belongs to one test: its own data
 * directory and unix socket in a temporary folder, on a free loopback port, so the test may stop
 * and restart it without touching the shared cluster. As root, initdb and pg_ctl run as `postgres`.
 */
export class PrivatePostgres {
  private running = false;

  private constructor(
    private readonly bin: string,
    private readonly dir: string,
    readonly port: number,
    private readonly asUser: string[],
  ) {}

  /** Creates the cluster and starts it. Fails with a readable message when PostgreSQL is not installed. */
  static async start(): Promise<PrivatePostgres> {
    const bin = findBinaries();
    const dir = mkdtempSync(join(tmpdir(), 'isnad-pg-'));
    const asUser = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
    const server = new PrivatePostgres(bin, dir, await freePort(), asUser);
    try {
      if (asUser.length) {
        const { uid, gid } = postgresUser();
        chownSync(dir, uid, gid);
      }
      await server.exec('initdb', ['-D', server.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
      await server.startServer();
      return server;
    } catch (error) {
      await server.destroy();
      throw error;
    }
  }

  /** postgres:// URL of the server's `postgres` database, over TCP on loopback. */
  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** Stops the server the way an operator restarting it would: running sessions are ended. */
  async stop(): Promise<void> {
    await this.exec('pg_ctl', ['stop', '-D', this.dataDir, '-m', 'fast', '-w', '-t', '30']);
    this.running = false;
  }

  /** Starts the stopped server again on the same port and data. */
  async startServer(): Promise<void> {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir}`;
    await this.exec('pg_ctl', ['start', '-D', this.dataDir, '-l', this.logFile, '-w', '-t', '30', '-o', options]);
    this.running = true;
  }

  /** The server's log (for a failing test's message). */
  log(): string {
    return existsSync(this.logFile) ? readFileSync(this.logFile, 'utf8') : '';
  }

  /** Stops the server if it runs (immediately: nothing in it matters any more) and removes its folder. */
  async destroy(): Promise<void> {
    try {
      if (this.running) await this.exec('pg_ctl', ['stop', '-D', this.dataDir, '-m', 'immediate', '-w', '-t', '30']);
    } finally {
      this.running = false;
      rmSync(this.dir, { recursive: true, force: true });
    }
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  private get logFile(): string {
    return join(this.dir, 'server.log');
  }

  private async exec(tool: string, args: string[]): Promise<void> {
    const [command, ...rest] = [...this.asUser, join(this.bin, tool), ...args];
    try {
      await run(command, rest, { timeout: 60_000 });
    } catch (error) {
      const { stderr, stdout } = error as { stderr?: string; stdout?: string };
      throw new Error(`${tool} ${args[0]} failed: ${stderr || stdout || String(error)}\n${this.log()}`);
    }
  }
}

/** The bin folder of the newest PostgreSQL under /usr/lib/postgresql that has initdb and pg_ctl. */
function findBinaries(): string {
  const versions = existsSync(POSTGRES_ROOT)
    ? readdirSync(POSTGRES_ROOT)
        .filter((version) => /^\d+$/.test(version))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const bin = versions
    .map((version) => join(POSTGRES_ROOT, version, 'bin'))
    .find((folder) => existsSync(join(folder, 'initdb')) && existsSync(join(folder, 'pg_ctl')));
  if (!bin) {
    throw new Error(
      `This test starts a private PostgreSQL server and needs its programs (initdb, pg_ctl) in ${POSTGRES_ROOT}/<version>/bin; none found. Install the PostgreSQL server package, or unset DATABASE_URL.`,
    );
  }
  return bin;
}

function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  if (!line) throw new Error('Running as root, this test runs initdb as the `postgres` user, and there is none.');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
