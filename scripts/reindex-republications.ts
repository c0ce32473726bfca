// `npm run republication:reindex`: one-off, after the RepublicationPassages migration (which drops
// the old MinHash fingerprints). Indexes every article revision not indexed yet, oldest capture
// first, and runs republication detection on each as if it were captured again, so articles
// captured before take part: their copies, shared passages and shared quotations are found.
// Idempotent; safe to run again. Uses the API's own database settings (stop the API first when it
// runs on PGlite, which one process at a time may open).
import 'reflect-metadata';
import { RepublicationService } from '@isnad/linking';
import { appConfigFromEnv } from '../apps/api/src/app.config';
import { createApp } from '../apps/api/src/bootstrap';

async function main(): Promise<void> {
  const app = await createApp(appConfigFromEnv(), { logger: ['error'] });
  try {
    const started = Date.now();
    const revisions = await app.get(RepublicationService).refingerprintAll();
    console.log(`indexed ${revisions} revision(s) for republication in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
