import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Feed } from 'feed';
import { AuthenticatedRequest, Public } from '@isnad/auth';
import { errorBody } from '@isnad/common';
import { VERDICTS_OPTIONS, VerdictsOptions, escapeHtml, publicBaseUrl, stripUnsafeControls, verdictUrls } from '@isnad/verdicts';
import { RepeatFeedAccessService } from './repeat-feed-access.service';
import { RepeatsService } from './repeats.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FEED_SIZE = 50;
const text = (value: string) => escapeHtml(stripUnsafeControls(value).normalize('NFC'));

/**
 * An organisation's repeat alerts as Atom, for feed readers and newsrooms' tools: the newest 50
 * repeats of claims it rated (dismissed ones left out), each with the sentence, the article and
 * the published verdict. Members only: a member's bearer token, or the organisation's feed key
 * (`?key=`) for feed readers that cannot send headers. The route is @Public so that the key can
 * stand in for a token; RepeatFeedAccessService decides, and a bearer token is checked by the
 * same authentication middleware as every other route.
 */
@Public()
@Controller('feeds/organisations')
export class RepeatsFeedController {
  constructor(
    private readonly repeats: RepeatsService,
    private readonly access: RepeatFeedAccessService,
    @Inject(VERDICTS_OPTIONS) private readonly options: VerdictsOptions,
  ) {}

  @Get(':organisationId/repeats.atom')
  async atom(@Param('organisationId') organisationId: string, @Query('key') key: unknown, @Req() req: Request & AuthenticatedRequest, @Res() res: Response): Promise<void> {
    if (!UUID.test(organisationId)) {
      res.status(404).json(errorBody('NOT_FOUND', 'No such organisation'));
      return;
    }
    const access = await this.access.admits(organisationId, req.actor ?? null, typeof key === 'string' ? key : undefined);
    if (access === 'UNAUTHENTICATED') {
      res.status(401).set('WWW-Authenticate', 'Bearer').json(errorBody('UNAUTHENTICATED', "A member's token (Authorization: Bearer …) or the organisation's feed key (?key=) is needed"));
      return;
    }
    if (access === 'FORBIDDEN') {
      res.status(403).json(errorBody('FORBIDDEN', "Another organisation's repeats are not yours to read"));
      return;
    }
    const alerts = await this.repeats.alertsFor(await this.repeats.latestOf(organisationId, FEED_SIZE));
    const baseUrl = publicBaseUrl(this.options, req);
    const self = `${baseUrl}/feeds/organisations/${organisationId}/repeats.atom`;
    const feed = new Feed({
      title: 'Isnad: repeats of rated claims',
      id: self,
      link: baseUrl,
      updated: alerts[0]?.foundAt ?? new Date(0),
      copyright: '',
      generator: 'Isnad',
      feedLinks: { atom: self },
    });
    for (const alert of alerts) {
      feed.addItem({
        title: text(`${alert.rating}: ${alert.claimStatement}`),
        id: `urn:uuid:${alert.repeatId}`,
        link: alert.articleUrl,
        date: alert.foundAt,
        description: text(alert.exact),
        content: [
          `<blockquote>${text(alert.exact)}</blockquote>`,
          `<p><a href="${text(alert.articleUrl)}">${text(alert.articleUrl)}</a></p>`,
          alert.originalArticleUrl ? `<p>↩ <a href="${text(alert.originalArticleUrl)}">${text(alert.originalArticleUrl)}</a></p>` : '',
          alert.verdictId
            ? `<p><a href="${text(verdictUrls(baseUrl, alert.verdictId).page)}">${text(alert.rating)}</a></p>`
            : `<p><a href="${text(alert.reviewUrl ?? '')}">${text(`${alert.reviewedBy ?? ''}: ${alert.rating}`)}</a></p>`,
        ].join(''),
        category: [{ name: alert.rating, term: alert.rating }],
      });
    }
    res.set('Cache-Control', 'private, no-store');
    res.status(200).type('application/atom+xml; charset=utf-8').send(feed.atom1());
  }
}
