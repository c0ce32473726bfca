import { ratingLabel } from './rating.entity';
import type { Rating } from './rating.entity';
import type { AppearanceInOutlet, VerdictBundle } from './verdict-bundle.service';
import { VerdictStatus } from './verdict-status';
import { escapeHtml, stripUnsafeControls } from './html';

/** One hop of an appearance's attribution chain as the page names it. */
export interface PageHop {
  relation: 'ORIGIN' | 'RELAYED' | 'REPUBLISHED';
  name: string;
  cue: string | null;
}

/** A public correction or retraction: the version it made and its note. */
export interface PageCorrection {
  status: VerdictStatus;
  note: string;
  at: Date;
}

/** What the public verdict page shows beyond the verdict bundle. */
export interface VerdictPageView {
  bundle: VerdictBundle;
  /** Attribution chain of each appearance, by appearance id, origin first. */
  chains: Map<string, PageHop[]>;
  /** The ratings of the verdict's scale, in order. */
  scale: Rating[];
  corrections: PageCorrection[];
  /** The ClaimReview JSON for the script block (already safe for a script), or null once retracted. */
  claimReviewScript: string | null;
  claimReviewUrl: string;
}

const WORDS = {
  ar: {
    comma: '، ',
    factCheck: 'تحقق من الأخبار',
    rating: 'الحكم',
    scale: 'سلّم التقييم',
    claim: 'الادعاء',
    whoSaid: 'من قاله ومن نقله',
    appeared: 'أين ومتى ظهر',
    summary: 'الخلاصة',
    rationale: 'التعليل',
    evidence: 'الأدلة',
    archived: 'نسخة مؤرشفة',
    authors: 'الكتّاب',
    reviewer: 'المراجِع',
    published: 'نُشر أول مرة',
    updated: 'آخر تحديث',
    version: 'الإصدار',
    corrections: 'التصحيحات',
    retracted: 'سُحب هذا التحقق',
    markup: 'ترميز ClaimReview',
    ORIGIN: 'المصدر الأول',
    RELAYED: 'نقل عنه',
    REPUBLISHED: 'أعاد النشر',
    CORRECTED: 'تصحيح',
    RETRACTED: 'سحب',
  },
  en: {
    comma: ', ',
    factCheck: 'Fact-check',
    rating: 'Rating',
    scale: 'Rating scale',
    claim: 'Claim',
    whoSaid: 'Who said it, who passed it on',
    appeared: 'Where and when it appeared',
    summary: 'Summary',
    rationale: 'Rationale',
    evidence: 'Evidence',
    archived: 'archived copy',
    authors: 'Authors',
    reviewer: 'Reviewer',
    published: 'First published',
    updated: 'Updated',
    version: 'Version',
    corrections: 'Corrections',
    retracted: 'This fact-check was retracted',
    markup: 'ClaimReview markup',
    ORIGIN: 'Origin',
    RELAYED: 'Relayed',
    REPUBLISHED: 'Republished',
    CORRECTED: 'Correction',
    RETRACTED: 'Retraction',
  },
};

const STYLE = `body{margin:0;font-family:system-ui,'Noto Sans Arabic','DejaVu Sans',sans-serif;line-height:1.7;color:#1b1f24;background:#f4f6f8}
main{max-width:46rem;margin:0 auto;padding:1rem;background:#fff;min-height:100vh}h1{font-size:1.5rem;line-height:1.4}h2{font-size:1.1rem;margin-block-start:1.5rem}
.org{color:#4f5a66;margin:0}.rating{display:inline-block;font-weight:700;font-size:1.1rem;padding:.2rem .8rem;border-radius:4px;background:#1b1f24;color:#fff}
.scale{display:flex;flex-wrap:wrap;gap:.25rem;list-style:none;padding:0}.scale li{border:1px solid #d3d9df;border-radius:4px;padding:0 .5rem;font-size:.9rem}
.scale li[aria-current]{background:#1b1f24;color:#fff;border-color:#1b1f24}blockquote{margin:.5rem 0;padding-inline-start:.75rem;border-inline-start:4px solid #d3d9df;font-size:1.1rem}
.chain{padding-inline-start:1.25rem}.meta{color:#4f5a66;font-size:.9rem}.note{border:1px solid #a3161a;background:#fdeeee;padding:.5rem .75rem;border-radius:4px}
a{color:#0b5cad;overflow-wrap:anywhere}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600;color:#4f5a66}dd{margin:0}`;

/** The public page of a verdict: the whole fact-check, readable on a phone, in the verdict's language, with its ClaimReview markup. */
export function renderVerdictPage(view: VerdictPageView): string {
  const { verdict, organisation, rating, claim, appearances } = view.bundle;
  const language = verdict.language;
  const words = /^ar\b/.test(language) ? WORDS.ar : WORDS.en;
  const text = (s: string) => escapeHtml(stripUnsafeControls(s));
  const auto = (s: string) => `<span dir="auto">${text(s)}</span>`;
  const date = (d: Date) =>
    `<time datetime="${d.toISOString()}">${text(new Intl.DateTimeFormat(/^ar\b/.test(language) ? 'ar' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(d))}</time>`;
  const lang = escapeHtml(language);
  const dir = /^(ar|fa|he|ur)\b/.test(language) ? 'rtl' : 'ltr';
  const chainOf = (appearance: AppearanceInOutlet) =>
    (view.chains.get(appearance.appearance.id) ?? [])
      .map((hop) => `<li><strong>${auto(hop.name)}</strong> — ${words[hop.relation]}${hop.cue ? ` («${auto(hop.cue)}»)` : ''}</li>`)
      .join('');
  const first = appearances[0];
  const paragraphs = (s: string) =>
    stripUnsafeControls(s)
      .split(/\n\s*\n/)
      .map((p) => `<p dir="auto">${escapeHtml(p.trim())}</p>`)
      .join('');
  const retracted = verdict.status === VerdictStatus.RETRACTED;

  const sections = [
    `<p class="org">${auto(organisation.name)} · ${words.factCheck}</p>`,
    `<h1>${text(verdict.headline)}</h1>`,
    retracted ? `<p class="note" role="note"><strong>${words.retracted}</strong>${verdict.publicNote ? `: ${auto(verdict.publicNote)}` : ''}</p>` : '',
    `<p>${words.rating}: <span class="rating">${text(ratingLabel(rating, language))}</span></p>`,
    view.scale.length
      ? `<ol class="scale" aria-label="${words.scale}">${view.scale
          .map((r) => `<li${r.id === rating.id ? ' aria-current="true"' : ''}>${text(ratingLabel(r, language))}</li>`)
          .join('')}</ol>`
      : '',
    `<h2>${words.claim}</h2><blockquote dir="auto"${claim.language ? ` lang="${escapeHtml(claim.language)}"` : ''}>${text(claim.statement)}</blockquote>`,
    first && view.chains.get(first.appearance.id)?.length ? `<h2>${words.whoSaid}</h2><ol class="chain">${chainOf(first)}</ol>` : '',
    appearances.length
      ? `<h2>${words.appeared}</h2><ol>${appearances
          .map(
            (a) =>
              `<li><strong>${auto(a.outlet?.name ?? new URL(a.article.canonicalUrl).hostname)}</strong>${words.comma}${date(a.date)}: ` +
              `<a href="${escapeHtml(a.article.canonicalUrl)}" rel="nofollow noopener">${auto(a.article.title ?? a.article.canonicalUrl)}</a>` +
              `<blockquote dir="auto">${text(a.appearance.exact)}</blockquote></li>`,
          )
          .join('')}</ol>`
      : '',
    `<h2>${words.summary}</h2>${paragraphs(verdict.summary)}`,
    verdict.rationale.trim() ? `<h2>${words.rationale}</h2>${paragraphs(verdict.rationale)}` : '',
    verdict.evidence.length
      ? `<h2>${words.evidence}</h2><ul>${verdict.evidence
          .map(
            (e) =>
              `<li><a href="${escapeHtml(e.url)}" rel="nofollow noopener" dir="ltr">${text(e.url)}</a>` +
              (e.archivedUrl ? ` (<a href="${escapeHtml(e.archivedUrl)}" rel="nofollow noopener">${words.archived}</a>)` : '') +
              (e.note ? ` — ${auto(e.note)}` : '') +
              `</li>`,
          )
          .join('')}</ul>`
      : '',
    view.corrections.length
      ? `<h2>${words.corrections}</h2><ul>${view.corrections
          .map((c) => `<li>${date(c.at)} — ${words[c.status === VerdictStatus.RETRACTED ? 'RETRACTED' : 'CORRECTED']}: ${auto(c.note)}</li>`)
          .join('')}</ul>`
      : '',
    `<dl class="meta">` +
      (verdict.authors.length ? `<dt>${words.authors}</dt><dd>${verdict.authors.map(auto).join(words.comma)}</dd>` : '') +
      (verdict.reviewer ? `<dt>${words.reviewer}</dt><dd>${auto(verdict.reviewer)}</dd>` : '') +
      `<dt>${words.published}</dt><dd>${date(verdict.firstPublishedAt ?? verdict.publishedAt ?? verdict.updatedAt)}</dd>` +
      `<dt>${words.updated}</dt><dd>${date(verdict.publishedAt ?? verdict.updatedAt)} · ${words.version} ${verdict.version}</dd></dl>`,
    view.claimReviewScript ? `<p class="meta"><a href="${escapeHtml(view.claimReviewUrl)}">${words.markup}</a></p>` : '',
  ];
  const markup = view.claimReviewScript ? `<script type="application/ld+json">${view.claimReviewScript}</script>` : '';
  return (
    `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${text(verdict.headline)}</title>` +
    `<meta name="description" content="${text(verdict.summary.slice(0, 300))}"><style>${STYLE}</style>${markup}</head>` +
    `<body><main>${sections.join('')}</main></body></html>`
  );
}
