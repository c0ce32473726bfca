import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MIGRATIONS } from '@isnad/database/migrations';
import { spawnedDatabase } from './support/verdict-factories';

// An operator rolls the last schema change back and forward again with the TypeORM CLI (README:
// `npm run migration:revert`, `npm run migration:run`): each command does its work and exits, on
// embedded PGlite as on PostgreSQL. On PGlite the revert used to do its work and then never exit.
describe('the migration CLI', () => {
  const typeorm = (command: string, env: Record<string, string>) =>
    promisify(execFile)(process.execPath, ['-r', './scripts/register-ts.cjs', 'node_modules/typeorm/cli.js', '-d', 'ormconfig.ts', command], {
      cwd: join(__dirname, '..'),
      // DATABASE_LOGGING: the CLI then says which migration it ran or reverted.
      env: { ...process.env, ...env, DATABASE_LOGGING: 'true' },
      // A command that hangs is killed (and the test fails) instead of holding the suite.
      timeout: 60_000,
      killSignal: 'SIGKILL',
    });

  it('reverts the newest migration, exits, and runs it again', async () => {
    const db = await spawnedDatabase();
    const newest = MIGRATIONS[MIGRATIONS.length - 1].name;
    try {
      await typeorm('migration:run', db.env);
      const reverted = await typeorm('migration:revert', db.env);
      expect(reverted.stdout).toContain(`Migration ${newest} has been reverted successfully`);
      const rerun = await typeorm('migration:run', db.env);
      // Only the reverted one runs again.
      expect(rerun.stdout.match(/Migration \S+ has been executed successfully/g)).toEqual([`Migration ${newest} has been executed successfully`]);
    } finally {
      await db.drop();
    }
  }, 300_000);
});
