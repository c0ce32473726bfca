import { Public } from '@isnad/auth';
import { Controller, Get, Inject, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { errorBody } from '@isnad/common';
import { jsonForScript, toClaimReview } from './claim-review';
import { escapeHtml, stripUnsafeControls } from './html';
import { VERDICTS_OPTIONS, VerdictsOptions, publicBaseUrl } from './public-url';
import { ratingLabel } from './rating.entity';
import { VerdictBundleService } from './verdict-bundle.service';
import { VerdictStatus } from './verdict-status';
import { VerdictsService } from './verdicts.service';
import { isReviewable } from './verdict.resolver';

/**
 * The stable public URLs of a verdict: its ClaimReview JSON-LD, and a minimal page carrying the
 * same markup in a script block (what search engines read). Drafts do not exist here; a retracted
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
    const text = (s: string) => escapeHtml(stripUnsafeControls(s));
    const lang = escapeHtml(verdict.language);
    const dir = /^(ar|fa|he|ur)\b/.test(verdict.language) ? 'rtl' : 'ltr';
    const markup = isReviewable(verdict)
      ? `<script type="application/ld+json">${jsonForScript(toClaimReview(bundle, publicBaseUrl(this.options, req)))}</script>`
      : '';
    const notice = verdict.publicNote ? `<p class="note">${text(verdict.publicNote)}</p>` : '';
    res
      .status(verdict.status === VerdictStatus.RETRACTED ? 410 : 200)
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>${text(verdict.headline)}</title>${markup}</head>` +
          `<body><h1>${text(verdict.headline)}</h1><p><strong>${text(ratingLabel(bundle.rating, verdict.language))}</strong></p>` +
          `<blockquote>${text(bundle.claim.statement)}</blockquote><p>${text(verdict.summary)}</p>${notice}</body></html>`,
      );
  }
}

function isPublic(status: VerdictStatus): boolean {
  return status === VerdictStatus.PUBLISHED || status === VerdictStatus.CORRECTED || status === VerdictStatus.RETRACTED;
}
