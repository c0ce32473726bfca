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
    @Inject(VERDICTS_OPTIONS) private readonly options: VerdictsOptions,
  ) {}

  @Get('claim-reviews/:id')
  async claimReview(@Param('id', ParseUUIDPipe) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const verdict = await this.verdicts.findByIds([id]).then((rows) => rows[0]);
    if (!verdict || !isPublic(verdict.status)) {
      res.status(404).json(errorBody('NOT_FOUND', `No published verdict ${id}`));
      return;
    }
    if (!isReviewable(verdict)) {
      res.status(410).json(errorBody('RETRACTED', 'The verdict was retracted', { publicNote: verdict.publicNote }));
      return;
    }
    const [bundle] = await this.bundles.bundles([verdict]);
    res
      .status(200)
      .type('application/ld+json; charset=utf-8')
      .set('Last-Modified', (verdict.publishedAt ?? verdict.updatedAt).toUTCString())
      .send(JSON.stringify(toClaimReview(bundle, publicBaseUrl(this.options, req)), null, 2));
  }

  @Get('verdicts/:id')
  async page(@Param('id', ParseUUIDPipe) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const verdict = await this.verdicts.findByIds([id]).then((rows) => rows[0]);
    if (!verdict || !isPublic(verdict.status)) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    const [bundle] = await this.bundles.bundles([verdict]);
    const details = await this.bundles.pageDetails(bundle);
    const baseUrl = publicBaseUrl(this.options, req);
    res
      .status(verdict.status === VerdictStatus.RETRACTED ? 410 : 200)
      .type('text/html; charset=utf-8')
      .send(
        renderVerdictPage({
          bundle,
          ...details,
          claimReviewScript: isReviewable(verdict) ? jsonForScript(toClaimReview(bundle, baseUrl)) : null,
          claimReviewUrl: verdictUrls(baseUrl, verdict.id).claimReview,
        }),
      );
  }
}

function isPublic(status: VerdictStatus): boolean {
  return status === VerdictStatus.PUBLISHED || status === VerdictStatus.CORRECTED || status === VerdictStatus.RETRACTED;
}
