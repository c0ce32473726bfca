import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { Role } from '@isnad/auth';
import { DEFAULT_MONITORING_OPTIONS } from '@isnad/monitoring';
import { annotate, codePointSpan, createSputnik } from '../support/factories';
import { articleHtml, servePage, startFixtureSite, waitFor } from '../support/fixture-site';
import { TestApi, seedArticleText, seedParagraphs } from '../support/test-api';
import { createVerdict, defaultRatingId, publishVerdict } from '../support/verdict-factories';
import { firstScreenScripts, launchChromium, screenshot, selectWithMouse, seriousAccessibilityViolations } from './browser';

// The workspace in a real browser (Debian's Chromium) against a real API on a fresh database.
// Run with `npm run test:browser` (it builds the app first); screenshots go to .browser-results/.
const WEB_DIR = join(__dirname, '..', '..', 'apps', 'web', 'dist');
const SEED_URL = 'https://www.syria-news.example/2021/02/isis-meets-western-intelligence/';
jest.setTimeout(240_000);

// The repeat journey: a claim of the seed rated FALSE, then another site's rewritten copy of it.
const REPEAT_CLAIM_QUOTE = 'اجتماع استخبارات أمنية لعدة دول غربية مع قادة ميدانيين من تنظيم داعش';
const REPEATED = 'كشفت وكالة سبوتنيك الروسية نقلاً عن مصدر مطلع عن اجتماع استخبارات أمنية لعدة دول غربية مع قادة ميدانيين من تنظيم داعش في سوريا.';
const COPY_PARAGRAPHS = [
  REPEATED,
  'وبحسب المصدر، عقدت هذه اللقاءات في منطقة التنف جنوب شرقي البلاد، بمشاركة ممثلين عن الولايات المتحدة وفرنسا وبريطانيا.',
  'من جهة أخرى، أعلنت وزارة الصحة عن افتتاح مستشفى جديد في مدينة حماة بطاقة 150 سريراً.',
];

interface StoredAppearance {
  id: string;
  start: number;
  end: number;
  exact: string;
  claimId: string;
  attributionChain: { relation: string; source: { name: string; kind: string } }[];
}

describe('the fact-checkers workspace in Chromium', () => {
  let api: TestApi;
  let browser: { context: BrowserContext; close(): Promise<void> };
  // Two news sites on loopback (two hosts, so two outlets): the seed's and a copier's.
  let seedSite: Awaited<ReturnType<typeof startFixtureSite>>;
  let copySite: Awaited<ReturnType<typeof startFixtureSite>>;

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIR, 'index.html'))) throw new Error('Build the workspace first: npm run build:web (npm run test:browser does)');
    seedSite = await startFixtureSite({
      '/2021/02/isis-meets-western-intelligence': servePage(articleHtml('تنظيم داعش في سوريا يلتقي استخبارات دول غربية', seedParagraphs(), { publishedAt: '2021-02-05T09:00:00Z' })),
    });
    copySite = await startFixtureSite({
      '/world/syria-report': (req, res) =>
        servePage(articleHtml('سبوتنيك: لقاءات بين استخبارات غربية وداعش', COPY_PARAGRAPHS, { publishedAt: new Date().toISOString() }))(req, res),
    }, '127.0.0.2');
    api = await TestApi.start({
      webDir: WEB_DIR,
      monitoring: { ...DEFAULT_MONITORING_OPTIONS, allowPrivateAddresses: ['127.0.0.0/8'], workerEnabled: true, pollMs: 100, hostDelayMs: 0 },
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await seedSite?.close();
    await copySite?.close();
  });

  /** A new tab that fails the test on any script error in the app. */
  async function newPage(): Promise<Page> {
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    return page;
  }

  async function signIn(page: Page, token: string): Promise<void> {
    await page.goto(`${api.url}/sign-in`);
    await page.locator('#api-token').fill(token);
    await page.locator('form').getByRole('button').click();
    await page.waitForURL('**/inbox');
  }

  /** Sets the interface language through the switch in the header. */
  async function useLanguage(page: Page, language: 'ar' | 'en'): Promise<void> {
    if ((await page.locator('html').getAttribute('lang')) !== language) {
      await page.getByRole('button', { name: language === 'en' ? 'Switch to English' : 'التبديل إلى العربية' }).click();
    }
    await expectAttribute(page, 'html', 'lang', language);
    await expectAttribute(page, 'html', 'dir', language === 'ar' ? 'rtl' : 'ltr');
  }

  /** Checks the screen with axe-core (no serious or critical violations) and saves its screenshot. */
  async function look(page: Page, name: string): Promise<void> {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, name);
  }

  async function appearancesOf(articleId: string): Promise<StoredAppearance[]> {
    const data = await api.ok<{ article: { claimAppearances: StoredAppearance[] } }>(
      `query($id: ID!) { article(id: $id) { claimAppearances { id start end exact claimId attributionChain { relation source { name kind } } } } }`,
      { id: articleId },
    );
    return data.article.claimAppearances;
  }

  it('tells the seed story: capture, accept a candidate with its chain, annotate a selection, publish a verdict', async () => {
    await createSputnik(api);
    const page = await newPage();
    // Budget: the first screen's JavaScript is at most 250 KB gzipped.
    const scripts = await firstScreenScripts(page, `${api.url}/`);
    expect(scripts.files.length).toBeGreaterThan(0);
    expect(scripts.gzipBytes).toBeLessThanOrEqual(250 * 1024);
    await useLanguage(page, 'ar');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('أحدث الأحكام المنشورة');
    await look(page, 'home-empty-ar');

    await signIn(page, api.token!);
    // Only the short session token is kept, and only for this tab.
    const kept = await page.evaluate(() => ({ session: sessionStorage.getItem('isnad.session'), local: JSON.stringify(localStorage) }));
    expect(kept.session).not.toContain(api.token!);
    expect(kept.local).not.toContain(api.token!);
    await look(page, 'inbox-ar');

    // Capture the seed article by pasting its text.
    await page.getByRole('link', { name: 'التقاط مقال' }).click();
    await page.getByRole('textbox', { name: 'الرابط' }).fill(SEED_URL);
    await page.getByRole('textbox', { name: 'العنوان' }).fill('تنظيم داعش في سوريا يلتقي استخبارات دول غربية');
    await page.getByRole('textbox', { name: 'النص' }).fill(seedArticleText());
    await look(page, 'capture-ar');
    await page.getByRole('button', { name: 'التقاط', exact: true }).click();
    await page.waitForURL('**/articles/*');
    const articleId = page.url().split('/').pop()!;
    await expectAttribute(page, '[data-testid="article-text"]', 'dir', 'rtl');

    // Accept the informed source's candidate in one click: the chain comes with it.
    const candidate = page.locator('.candidate', { hasText: 'أفاد مصدر مطلع' });
    await candidate.getByRole('button', { name: 'قبول' }).click();
    await candidate.getByText('موثّق').waitFor();
    const [accepted] = await appearancesOf(articleId);
    expect(accepted.exact).toContain('أفاد مصدر مطلع');
    expect(accepted.attributionChain.map((hop) => [hop.relation, hop.source.kind])).toEqual([
      ['ORIGIN', 'ANONYMOUS'],
      ['RELAYED', 'OUTLET'],
      ['REPUBLISHED', 'OUTLET'],
    ]);
    expect(accepted.attributionChain.map((hop) => hop.source.name).slice(0, 2)).toEqual(['مصدر مطلع', 'سبوتنيك']);
    await page.locator('mark').first().waitFor();
    await look(page, 'reader-ar');

    // Select a span with a harakah (عُقدت) by mouse, right to left, and file it under the accepted claim.
    const selected = (await selectWithMouse(page, 'عُقدت سلسلة لقاءات')).trim();
    expect(selected).toBe('عُقدت سلسلة لقاءات');
    const panel = page.locator('form.annotate');
    await expect(panel.getByTestId('selected-quote').textContent()).resolves.toBe(selected);
    // The selection lies in a candidate sentence: its chain is prefilled (source, Sputnik, this site).
    await expect(panel.locator('.hop').count()).resolves.toBe(3);
    await panel.locator('label.choice', { hasText: accepted.exact.slice(0, 20) }).getByRole('radio').check();
    await look(page, 'annotate-ar');
    await panel.getByRole('button', { name: 'حفظ' }).click();
    await panel.waitFor({ state: 'detached' });
    const linked = (await appearancesOf(articleId)).find((appearance) => appearance.id !== accepted.id)!;
    expect(linked.exact).toBe(selected);
    // The stored position is in code points of the stored revision text (the capture drops boilerplate lines).
    const { article: stored } = await api.ok<{ article: { latestRevision: { text: string } } }>(
      `query($id: ID!) { article(id: $id) { latestRevision { text } } }`,
      { id: articleId },
    );
    expect([...stored.latestRevision.text].slice(linked.start, linked.end).join('')).toBe(selected);
    expect(linked.claimId).toBe(accepted.claimId);

    // Rate the claim and publish the verdict.
    await page.goto(`${api.url}/claims/${accepted.claimId}`);
    await page.getByRole('heading', { name: 'الانتشار عبر المنافذ' }).waitFor();
    await look(page, 'claim-ar');
    await page.getByRole('link', { name: 'حكم جديد' }).click();
    await page.waitForURL('**/verdict-editor/new?claim=*');
    await page.getByLabel('التقييم').selectOption({ label: 'خاطئ' });
    await page.getByLabel('العنوان').fill('لا دليل على اجتماع استخبارات غربية مع داعش');
    await page.getByLabel('الخلاصة').fill('الخبر منقول عن مصدر مجهول عبر سبوتنيك دون أي وثيقة.');
    await page.getByLabel('التعليل').fill('لم تنشر أي جهة رسمية ما يؤكد الاجتماعات المزعومة، والمصدر الوحيد مصدر مجهول.');
    await page.getByLabel('الكتّاب (مفصولون بفواصل)').fill('فريق التحقق');
    await page.getByRole('button', { name: 'إضافة دليل' }).click();
    await page.getByLabel('رابط الدليل').fill('https://example.org/statement');
    await page.getByLabel('رابط النسخة المؤرشفة').fill('https://web.archive.org/web/2021/https://example.org/statement');
    await page.getByRole('button', { name: 'حفظ' }).click();
    // The first save creates the draft, and the editor moves to its address.
    await page.waitForURL(/\/verdict-editor\/[0-9a-f-]{36}$/);
    await expectAttribute(page, '.status', 'data-status', 'DRAFT');
    await look(page, 'verdict-editor-ar');
    await page.getByRole('button', { name: 'إرسال للمراجعة' }).click();
    await expectAttribute(page, '.status', 'data-status', 'IN_REVIEW');
    await page.getByRole('button', { name: 'نشر', exact: true }).click();
    await expectAttribute(page, '.status', 'data-status', 'PUBLISHED');
    await page.locator('pre.json').waitFor();

    // The public home shows it, with its rating and claim, to anyone.
    await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
    await page.getByRole('link', { name: 'لا دليل على اجتماع استخبارات غربية مع داعش' }).waitFor();
    await expect(page.locator('.verdict-card').first().textContent()).resolves.toContain('خاطئ');
    await look(page, 'home-ar');

    // The public verdict page: the whole fact-check, with its ClaimReview markup.
    await page.getByRole('link', { name: 'لا دليل على اجتماع استخبارات غربية مع داعش' }).click();
    await page.waitForURL('**/verdicts/*');
    const article = await page.locator('body').textContent();
    for (const part of ['مصدر مطلع', 'سبوتنيك', 'أعاد النشر', 'خاطئ', 'عُقدت سلسلة لقاءات', 'فريق التحقق']) expect(article).toContain(part);
    expect(await page.locator('a[href="https://web.archive.org/web/2021/https://example.org/statement"]').count()).toBe(1);
    expect(await page.locator('script[type="application/ld+json"]').count()).toBe(1);
    await look(page, 'public-verdict-ar');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'public-verdict-phone-ar');
    await page.close();
  });

  it('reads an English article left to right, in English, captured from its page HTML', async () => {
    const page = await newPage();
    await signIn(page, api.token!);
    await useLanguage(page, 'en');
    await page.getByRole('link', { name: 'Capture' }).click();
    await page.getByRole('radio', { name: 'Paste HTML with its URL' }).check();
    await page.getByRole('textbox', { name: 'URL' }).fill('https://wire-example.com/world/middle-east/iraq-strikes-2024-03-06/');
    await page.getByRole('textbox', { name: 'Page HTML' }).fill(readFileSync(join(__dirname, '..', 'fixtures', 'html', 'english-wire-story.html'), 'utf8'));
    await look(page, 'capture-en');
    await page.getByRole('button', { name: 'Capture', exact: true }).click();
    await page.waitForURL('**/articles/*');
    await expectAttribute(page, '[data-testid="article-text"]', 'dir', 'ltr');
    await page.getByRole('heading', { name: 'Claim candidates' }).waitFor();
    await page.locator('.candidate').first().waitFor();
    await look(page, 'reader-en');

    const selected = (await selectWithMouse(page, 'air strikes killed 12 Islamic State militants')).trim();
    expect(selected).toBe('air strikes killed 12 Islamic State militants');
    await page.locator('form.annotate').getByRole('button', { name: 'Save' }).click();
    await page.locator('form.annotate').waitFor({ state: 'detached' });
    const articleId = page.url().split('/').pop()!;
    expect((await appearancesOf(articleId)).map((appearance) => appearance.exact)).toContain(selected);
    // The text is drawn again with the new appearance highlighted; a caret placed before that would be lost.
    await page.locator('[data-testid="article-text"] mark', { hasText: selected }).waitFor();

    // The keyboard selects too: a caret before "Joint", then Shift + Right arrow over three words.
    await page.getByRole('textbox', { name: 'Article text' }).focus();
    await page.evaluate((word) => {
      const container = document.querySelector('[data-testid="article-text"]') as HTMLElement;
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(word);
        if (at >= 0) return window.getSelection()!.collapse(node, at);
      }
      throw new Error(`${word} not in the article`);
    }, 'Joint Operations Command');
    for (let i = 0; i < 'Joint Operations Command'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await expect(page.locator('form.annotate').getByTestId('selected-quote').textContent()).resolves.toBe('Joint Operations Command');
    await page.locator('form.annotate').getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('link', { name: 'Outlets' }).click();
    await page.getByRole('heading', { name: 'سبوتنيك' }).waitFor();
    await look(page, 'outlets-en');
    await page.getByRole('link', { name: 'Sources' }).click();
    await page.getByRole('heading', { name: 'مصدر مطلع' }).first().waitFor();
    await look(page, 'sources-en');
    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByRole('heading', { name: 'Latest published verdicts' }).waitFor();
    await look(page, 'home-en');
    await useLanguage(page, 'ar');
    await page.close();
  });

  it('shows an annotator no verdict buttons, and the API refuses them the same', async () => {
    const annotator = await api.member(Role.ANNOTATOR);
    const claims = await api.ok<{ claims: { nodes: { id: string }[] } }>(`{ claims(first: 1) { nodes { id } } }`);
    const claimId = claims.claims.nodes[0].id;
    const draft = await createVerdict(api, { claimId, ratingId: await defaultRatingId(api, 'MISLEADING'), headline: 'مسودة', language: 'ar' });
    const page = await newPage();
    await signIn(page, annotator.token);
    await useLanguage(page, 'ar');
    await expect(page.getByRole('link', { name: 'التقاط مقال' }).count()).resolves.toBe(1);
    await page.goto(`${api.url}/claims/${claimId}`);
    await page.getByRole('heading', { name: 'الأحكام' }).waitFor();
    await expect(page.getByRole('link', { name: 'حكم جديد' }).count()).resolves.toBe(0);
    await page.goto(`${api.url}/verdict-editor/${draft.id}`);
    await page.getByRole('heading', { name: 'معاينة ترميز ClaimReview' }).waitFor();
    for (const name of ['حفظ', 'إرسال للمراجعة', 'نشر']) await expect(page.getByRole('button', { name, exact: true }).count()).resolves.toBe(0);
    await expect(page.getByLabel('العنوان').isDisabled()).resolves.toBe(true);
    await look(page, 'verdict-editor-annotator-ar');
    const refused = await api.as(annotator).gql(`mutation($input: VerdictStepInput!) { submitVerdictForReview(input: $input) { id } }`, {
      input: { id: draft.id, expectedVersion: draft.version },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await page.close();
  });

  it('shows a stale edit as a CONFLICT in words and reloads the current version', async () => {
    const claims = await api.ok<{ claims: { nodes: { id: string }[] } }>(`{ claims(first: 1) { nodes { id } } }`);
    const draft = await createVerdict(api, { claimId: claims.claims.nodes[0].id, ratingId: await defaultRatingId(api, 'UNPROVEN'), headline: 'قبل', language: 'ar' });
    const [first, second] = [await newPage(), await newPage()];
    for (const page of [first, second]) {
      await signIn(page, api.token!);
      await useLanguage(page, 'ar');
      await page.goto(`${api.url}/verdict-editor/${draft.id}`);
      await page.getByLabel('العنوان').waitFor();
    }
    await first.getByLabel('العنوان').fill('عنوان الزميل');
    await first.getByRole('button', { name: 'حفظ' }).click();
    await first.getByRole('status').waitFor();

    await second.getByLabel('الخلاصة').fill('تعديل على نسخة قديمة');
    await second.getByRole('button', { name: 'حفظ' }).click();
    const alert = second.getByRole('alert');
    await alert.waitFor();
    await expectAttribute(second, '[role="alert"]', 'data-code', 'CONFLICT');
    await expect(alert.textContent()).resolves.toContain('تعارض');
    await look(second, 'verdict-conflict-ar');
    await alert.getByRole('button', { name: 'إعادة التحميل' }).click();
    await second.getByRole('alert').waitFor({ state: 'detached' });
    await expect(second.getByLabel('العنوان').inputValue()).resolves.toBe('عنوان الزميل');
    await expect(second.locator('.status').textContent()).resolves.toContain('2');
    await first.close();
    await second.close();
  });

  it('captures a copy of a rated claim by URL, shows the repeat in the Repeats inbox, and confirms it', async () => {
    // The seed, fetched from its site; one of its claims rated FALSE.
    const seed = await api.ok<{ captureArticleFromUrl: { article: { id: string }; revision: { text: string } } }>(
      `mutation($url: String!) { captureArticleFromUrl(input: { url: $url }) { article { id } revision { text } } }`,
      { url: `${seedSite.origin}/2021/02/isis-meets-western-intelligence` },
    );
    const statement = 'عقدت استخبارات دول غربية اجتماعات مع قادة ميدانيين من تنظيم داعش في سوريا';
    const { claimId } = await annotate(api, {
      articleId: seed.captureArticleFromUrl.article.id,
      selector: codePointSpan(seed.captureArticleFromUrl.revision.text, REPEAT_CLAIM_QUOTE),
      statement,
    });
    await publishVerdict(api, { claimId });

    const page = await newPage();
    await signIn(page, api.token!);
    await useLanguage(page, 'ar');
    await page.getByRole('link', { name: 'التقاط مقال' }).click();
    await page.getByRole('radio', { name: 'جلب الصفحة من رابطها' }).check();
    // A page the site does not have: the reason in words, with the status.
    await page.getByRole('textbox', { name: 'الرابط' }).fill(`${copySite.origin}/world/no-such-page`);
    await page.getByRole('button', { name: 'التقاط', exact: true }).click();
    await expectAttribute(page, '[role="alert"]', 'data-reason', 'HTTP_STATUS');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('أجاب الموقع بخطأ؛ رمز الحالة: 404');
    await look(page, 'capture-url-failed-ar');
    // The copy, fetched by Isnad from its URL.
    await page.getByRole('textbox', { name: 'الرابط' }).fill(`${copySite.origin}/world/syria-report`);
    await page.getByRole('button', { name: 'التقاط', exact: true }).click();
    await page.waitForURL('**/articles/*');
    const copyId = page.url().split('/').pop()!;

    // The repeat is found off the request path; the inbox shows it once it is filed.
    type Repeats = { repeats: { nodes: { id: string; status: string; appearanceId: string | null; claim: { id: string }; article: { id: string } }[] } };
    const repeatsOfCopy = async () =>
      (await api.ok<Repeats>(`{ repeats(first: 50) { nodes { id status appearanceId claim { id } article { id } } } }`)).repeats.nodes.filter(
        (repeat) => repeat.article.id === copyId && repeat.claim.id === claimId,
      );
    await waitFor(async () => (await repeatsOfCopy()).length === 1, 'the repeat in the copy');
    const [repeat] = await repeatsOfCopy();
    await page.getByRole('link', { name: 'التكرارات' }).click();
    const card = page.locator(`li[data-repeat-id="${repeat.id}"]`);
    await card.waitFor();
    await expect(card.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(statement);
    await expect(card.locator('mark').textContent()).resolves.toBe(REPEATED);
    await expect(card.locator('.rating').first().textContent()).resolves.toContain('خاطئ');
    await expect(card.textContent()).resolves.toContain('سبوتنيك: لقاءات بين استخبارات غربية وداعش');
    await expectAttribute(page, `li[data-repeat-id="${repeat.id}"] blockquote`, 'dir', 'rtl');
    await look(page, 'repeats-ar');

    await card.getByRole('button', { name: 'تأكيد' }).click();
    await page.getByRole('status').waitFor();
    // Gone from the NEW repeats, and filed as an appearance of the claim in the copy.
    await card.waitFor({ state: 'detached' });
    const [confirmed] = await repeatsOfCopy();
    expect(confirmed.status).toBe('CONFIRMED');
    expect((await appearancesOf(copyId)).map((appearance) => [appearance.id, appearance.claimId])).toEqual([[confirmed.appearanceId, claimId]]);

    // The Watches screen: add a feed, see its status, pause it (in English).
    await useLanguage(page, 'en');
    await page.getByRole('link', { name: 'Watches' }).click();
    await page.getByRole('textbox', { name: 'Feed URL (RSS, Atom, JSON Feed or news sitemap)' }).fill(`${copySite.origin}/feed.xml`);
    await page.getByRole('button', { name: 'Watch a feed' }).click();
    const watch = page.locator('li.watch', { hasText: `${copySite.origin}/feed.xml` });
    await watch.waitFor();
    await expectAttribute(page, 'li.watch', 'data-status', 'ACTIVE');
    await watch.getByRole('button', { name: 'Pause' }).click();
    await expectAttribute(page, 'li.watch', 'data-status', 'PAUSED');
    await watch.getByRole('button', { name: 'Resume' }).waitFor();
    await look(page, 'watches-en');
    await useLanguage(page, 'ar');
    await page.close();
  });
});


/** Waits until the first element matching `selector` has the attribute value (or fails after 10 s). */
async function expectAttribute(page: Page, selector: string, name: string, value: string): Promise<void> {
  await page.waitForFunction(
    ([css, attribute, wanted]) => document.querySelector(css)?.getAttribute(attribute) === wanted,
    [selector, name, value] as const,
    { timeout: 10_000 },
  );
}
