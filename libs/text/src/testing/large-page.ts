/**
 * A news page of about `megabytes` MB built the way heavy real pages are: inline scripts and
 * styles, a mega-menu, the article, thousands of reader comments and a long footer. Used by the
 * capture benchmark and the bounded-time test; never committed as a file.
 */
export function buildLargeNewsPage(megabytes = 5): string {
  const target = megabytes * 1024 * 1024;
  const paragraph = (i: number): string =>
    `<p>وقال مصدر مطلع لوكالة سبوتنيك إن الاجتماع رقم ${i} عُقد في منطقة التنف بحضور ممثلين عن أجهزة استخبارات غربية، وإن الأطراف اتفقت على جدول زمني جديد للعمليات في ريف دير الزور خلال الأشهر المقبلة.</p>`;
  const head = [
    '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>اجتماع في التنف</title>',
    '<meta property="og:title" content="اجتماع في التنف"><meta property="article:published_time" content="2024-02-02T10:00:00+03:00">',
    `<script>${'var tracking = {"a":1,"b":[1,2,3]};'.repeat(20_000)}</script>`,
    `<style>${'.c{color:#333;margin:0 auto;padding:4px}'.repeat(15_000)}</style>`,
    '</head><body>',
    `<nav><ul>${Array.from({ length: 2_000 }, (_, i) => `<li><a href="/c/${i}">قسم ${i}</a></li>`).join('')}</ul></nav>`,
    `<article><h1>اجتماع في التنف</h1>${Array.from({ length: 40 }, (_, i) => paragraph(i)).join('')}</article>`,
    '<section id="comments">',
  ].join('');
  const parts = [head];
  let size = Buffer.byteLength(head);
  for (let i = 0; size < target - 20_000; i++) {
    const comment = `<div class="comment"><span class="author">قارئ ${i}</span><p>تعليق رقم ${i}: لا أصدق هذا الخبر، أين الدليل؟</p><!-- c${i} --></div>`;
    parts.push(comment);
    size += Buffer.byteLength(comment);
  }
  parts.push(`</section><footer>${'<a href="/x">رابط</a>'.repeat(500)}<p>© 2024 جميع الحقوق محفوظة</p></footer></body></html>`);
  return parts.join('');
}
