import { shingleText } from './text-fingerprint';
import { ReuseKind, compareTexts, quotationSpans } from './text-reuse';

const ORIGINAL = [
  'أعلنت وزارة الصحة في غزة اليوم الثلاثاء أن أكثر من 85 ألف شخص نزحوا من شمال القطاع خلال الأيام العشرة الأخيرة بسبب القصف المستمر.',
  'وأوضحت الوزارة في بيان أن 14 مستشفى فقط من أصل 36 لا تزال تعمل بشكل جزئي وأن الوقود اللازم لتشغيل المولدات بدأ ينفد.',
  'وقال المتحدث باسم الوزارة: «نحن أمام كارثة إنسانية غير مسبوقة ونطالب المجتمع الدولي بالتدخل الفوري لوقف النزوح».',
  'وكانت منظمات إغاثة دولية قد حذرت الأسبوع الماضي من نقص حاد في المياه الصالحة للشرب والأدوية في مراكز الإيواء المكتظة.',
  'ويرى مراقبون أن استمرار العمليات العسكرية في الشمال سيدفع مزيداً من السكان إلى النزوح نحو الجنوب خلال الأيام المقبلة.',
].join('\n\n');

const slice = (text: string, span: { start: number; end: number }) => [...text].slice(span.start, span.end).join('');

describe('text reuse', () => {
  it('finds a copy that keeps half the body under its own lead, credit and footer, with the passages in both texts', () => {
    const paragraphs = ORIGINAL.split('\n\n');
    const copy = [
      'موقع الخبر اليوم | عاجل',
      'في تطور جديد للأوضاع الإنسانية، نقلت مصادر صحية أرقاماً مقلقة عن النزوح.',
      paragraphs[0].replace('أعلنت', 'كشفت'),
      paragraphs[2].replace('«', '"').replace('»', '"'),
      'تابعونا على تلغرام',
    ].join('\n\n');
    const reuse = compareTexts(shingleText(ORIGINAL), shingleText(copy));
    expect(reuse?.kind).toBe(ReuseKind.PARTIAL_COPY);
    expect(reuse!.containment).toBeGreaterThan(0.5);
    expect(reuse!.similarity).toBeLessThan(0.5);
    expect(reuse!.passages).toHaveLength(2);
    for (const passage of reuse!.passages) {
      expect(slice(ORIGINAL, passage.original)).toBe(passage.original.exact);
      expect(slice(copy, passage.copy)).toBe(passage.copy.exact);
    }
    expect(reuse!.passages[1].copy.exact).toContain('نحن أمام كارثة إنسانية');
  });

  it('calls a copy that keeps nearly everything a COPY, small edits bridged inside one passage', () => {
    const copy = `شبكة الأخبار\n\n${ORIGINAL.replace('اليوم الثلاثاء', 'الثلاثاء').replace('وقال المتحدث', 'وأفاد المتحدث')}`;
    const reuse = compareTexts(shingleText(ORIGINAL), shingleText(copy));
    expect(reuse?.kind).toBe(ReuseKind.COPY);
    expect(reuse!.passages).toHaveLength(1);
  });

  it('takes two reports sharing only a quoted statement for a shared quotation', () => {
    const other =
      'ردود فعل دولية\n\nدعت الأمم المتحدة إلى هدنة إنسانية عاجلة في القطاع، بينما رفضت الحكومة الإسرائيلية أي وقف لإطلاق النار في الوقت الحالي.\n\n' +
      'وكان متحدث فلسطيني قد قال إن "نحن أمام كارثة إنسانية غير مسبوقة ونطالب المجتمع الدولي بالتدخل الفوري لوقف النزوح".';
    expect(compareTexts(shingleText(ORIGINAL), shingleText(other))?.kind).toBe(ReuseKind.SHARED_QUOTATION);
  });

  it('relates neither another report of the same event nor a shared stock phrase', () => {
    const sameEvent =
      'نازحون في خان يونس\n\nيعيش آلاف النازحين القادمين من شمال غزة في خيام مؤقتة قرب خان يونس، ويشكون من نقص المياه والغذاء والدواء. ' +
      'وقال أحد النازحين إن عائلته سارت ساعات طويلة قبل أن تصل إلى الجنوب.';
    expect(compareTexts(shingleText(ORIGINAL), shingleText(sameEvent))).toBeNull();
  });

  it('leaves frequent shingles out: a copy made only of shared boilerplate is no copy', () => {
    const footer = 'جميع الحقوق محفوظة لشبكة الأخبار العربية ويمنع النسخ أو إعادة النشر دون إذن مسبق من الإدارة';
    const a = shingleText(`خبر أول عن الطقس في دمشق وارتفاع درجات الحرارة\n\n${footer}`);
    const b = shingleText(`خبر ثان عن مباراة كرة القدم في حلب مساء أمس\n\n${footer}`);
    expect(compareTexts(a, b)).not.toBeNull();
    expect(compareTexts(a, b, new Set(b.shingles))).toBeNull();
  });

  it('finds the spans inside quotation marks of every usual kind, but not across paragraphs', () => {
    const text = 'قال: «أولاً» ثم “ثانياً” و"ثالثاً" و„viertens“ لكن «مفتوحة\n\nبلا إغلاق»';
    expect(quotationSpans(text).map(([from, to]) => text.slice(from, to))).toEqual(['أولاً', 'ثانياً', 'ثالثاً', 'viertens']);
  });
});
