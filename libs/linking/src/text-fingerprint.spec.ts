import { estimatedJaccard, fingerprint, shingles } from './text-fingerprint';

const STORY =
  'أفاد مصدر مطلع اليوم الجمعة عن اجتماع استخبارات أمنية لعدة دول غربية مع قادة ميدانيين من تنظيم داعش وتنظيمات إرهابية أخرى في سوريا خلال العام الجاري. ' +
  'وأكد المصدر بحسب سبوتنيك أنه منذ بداية العام الجاري في منطقة التنف التي تحتلها الولايات المتحدة في جنوب شرقي سوريا عقدت سلسلة لقاءات لممثلي أجهزة كل من الولايات المتحدة وفرنسا وبريطانيا. ' +
  'وأضاف المصدر أنه تم بحث قضايا تكثيف الهجمات على قوات الحكومة السورية والتشكيلات المسلحة الموالية لإيران وكذلك على قواعد عسكرية روسية في سوريا.';

describe('text fingerprints', () => {
  it('shingles the search key, so diacritics and letter variants do not matter', () => {
    expect(shingles('قالَ المسؤولُ إنّ الهجمات توقفت')).toEqual(shingles('قال المسؤول ان الهجمات توقفت'));
    expect(shingles('one two')).toEqual(new Set(['one two']));
    expect(fingerprint('!!!')).toBeNull();
  });

  it('finds a lightly edited copy with other boilerplate very similar, and another story on the same places not', () => {
    const original = fingerprint(STORY)!;
    const copy = fingerprint(`عاجل | شبكة أخبار الشام\n${STORY.replace('اليوم الجمعة', 'الجمعة')}\nتابعونا على تلغرام`)!;
    const other = fingerprint(
      'قالت وزارة الدفاع الروسية اليوم الجمعة إن قواتها في سوريا دمرت مستودعا للأسلحة في منطقة التنف وإن الولايات المتحدة وفرنسا وبريطانيا لم تعلق على الغارة.',
    )!;
    expect(estimatedJaccard(original.signature, copy.signature)).toBeGreaterThan(0.6);
    expect(estimatedJaccard(original.signature, other.signature)).toBeLessThan(0.1);
    expect(original.bands.filter((band) => copy.bands.includes(band)).length).toBeGreaterThan(5);
    expect(original.bands.filter((band) => other.bands.includes(band))).toEqual([]);
  });
});
