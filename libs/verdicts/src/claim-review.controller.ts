import { Public } from '@isnad/auth';
import { Controller, Get, Inject, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { errorBody } from '@isnad/common';
import { jsonForScript, toClaimReview, verdictUrls } from './claim-review';
import { VERDICTS_OPTIONS, VerdictsOptions, publicBaseUrl } from './public-url';
import { VerdictBundleService } from './verdict-bundle.service';
import { renderVerdictPage } from './verdict-page';
import { VerdictStatus } from './verdict-status';
import { VerdictsService } from './verdicts.service';
import { Verdict } from './verdict.entity';
import { PublicPageCache, publicPageKey } from './public-page-cache';
import { isReviewable } from './verdict.resolver';

/**
 * The stable public URLs of a verdict: its ClaimReview JSON-LD, and the public page of the whole
 * fact-check carrying the same markup in a script block (what search engines read). Drafts do not exist here; a retracted
 * verdict answers 410 Gone with its public note.
 */
@Public()
@Controller()
export class ClaimReviewController {
  constructor(
    private readonly verdicts: VerdictsService,
    private readonly bundles: VerdictBundleService,
    private readonly cache: PublicPageCache,
    @Inject(VERDICTS_OPTIONS) private readonly options: VerdictsOptions,
  ) {}

  @Get('claim-reviews/:id')
  async claimReview(@Param('id', ParseUUIDPipe) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const baseUrl = publicBaseUrl(this.options, req);
    const page = await this.cache
      .get(publicPageKey(baseUrl, req), async () => {
        const verdict = await this.publicVerdict(id);
        if (!isReviewable(verdict)) {
          const gone = errorBody('RETRACTED', 'The verdict was retracted', { publicNote: verdict.publicNote });
          return { status: 410, type: 'application/json; charset=utf-8', body: Buffer.from(JSON.stringify(gone)), lastModified: null };
        }
        const [bundle] = await this.bundles.bundles([verdict]);
        const body = Buffer.from(JSON.stringify(toClaimReview(bundle, baseUrl), null, 2));
        return { status: 200, type: 'application/ld+json; charset=utf-8', body, lastModified: verdict.publishedAt ?? verdict.updatedAt };
      })
      .catch(notPublic);
    if (!page) {
      res.status(404).json(errorBody('NOT_FOUND', `No published verdict ${id}`));
      return;
    }
    await this.cache.send(req, res, page);
  }

  @Get('verdicts/:id')
  async page(@Param('id', ParseUUIDPipe) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const baseUrl = publicBaseUrl(this.options, req);
    const page = await this.cache
      .get(publicPageKey(baseUrl, req), async () => {
        const verdict = await this.publicVerdict(id);
        const [bundle] = await this.bundles.bundles([verdict]);
        const details = await this.bundles.pageDetails(bundle);
        const html = renderVerdictPage({
          bundle,
          ...details,
          claimReviewScript: isReviewable(verdict) ? jsonForScript(toClaimReview(bundle, baseUrl)) : null,
          claimReviewUrl: verdictUrls(baseUrl, verdict.id).claimReview,
        });
        return {
          status: verdict.status === VerdictStatus.RETRACTED ? 410 : 200,
          type: 'text/html; charset=utf-8',
          body: Buffer.from(html),
          lastModified: verdict.publishedAt ?? verdict.updatedAt,
        };
      })
      .catch(notPublic);
    if (!page) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    await this.cache.send(req, res, page);
  }

  /** The verdict when it is public (published, corrected or retracted); NoPublicVerdict otherwise. */
  private async publicVerdict(id: string): Promise<Verdict> {
    const verdict = await this.verdicts.findByIds([id]).then((rows) => rows[0]);
    if (!verdict || !isPublic(verdict.status)) throw new NoPublicVerdict();
    return verdict;
  }
}

/** Not cached: unknown ids must not fill the cache. */
class NoPublicVerdict extends Error {}

function notPublic(error: unknown): null {
  if (error instanceof NoPublicVerdict) return null;
  throw error;
}

function isPublic(status: VerdictStatus): boolean {
  return status === VerdictStatus.PUBLISHED || status === VerdictStatus.CORRECTED || status === VerdictStatus.RETRACTED;
}
