import { classifyBoilerplateLine, cleanArticleText } from './boilerplate-clean';
import { readSeedArticle } from './testing/fixtures';

describe('classifyBoilerplateLine: page furniture a fact-checker never quotes', () => {
  it.each([
    ['اترك رد', 'comment-form'],
    ['اترُكْ رداً', 'comment-form'],
    ['لن يتم نشر عنوان بريدك الإلكتروني.', 'comment-form'],
    ['لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *', 'comment-form'],
    ['Leave a Reply', 'comment-form'],
    ['Your email address will not be published. Required fields are marked *', 'comment-form'],
    ['0', 'comment-count'],
    ['٣ تعليقات', 'comment-count'],
    ['12 Comments', 'comment-count'],
    ['شارك على فيسبوك تويتر واتساب', 'share'],
    ['Share on Facebook Twitter WhatsApp', 'share'],
    ['Share this:', 'share'],
    ['اقرأ أيضاً:', 'read-also'],
    ['إقرأ أيضا: الجيش يعلن السيطرة على بلدة', 'read-also'],
    ['Read also', 'read-also'],
    ['© 2024 جميع الحقوق محفوظة لموقع الخبر', 'copyright'],
    ['Copyright 2024 Example Media. All rights reserved.', 'copyright'],
    ['الوسوم: سوريا، داعش', 'tags'],
    ['تابعونا على تيليجرام', 'follow-us'],
  ])('%s → %s', (line, kind) => {
    expect(classifyBoilerplateLine(line)).toBe(kind);
  });

  it.each([
    ['أفاد مصدر مطلع اليوم الجمعة، عن اجتماع استخبارات أمنية لعدة دول غربية.'],
    ['The minister said 12 people were killed.'],
    ['وشارك في الاجتماع ممثلون عن فيسبوك وتويتر لبحث المحتوى المتطرف.'],
    ['Twitter said it had removed 300 accounts linked to the campaign.'],
    ['وأكد المصدر أن “جميع الحقوق محفوظة” عبارة لا تعني شيئا في هذا السياق القانوني المعقد الذي يتطلب تفسيرا مطولا من الخبراء والقضاة والمحامين والمختصين في حقوق الملكية الفكرية.'],
  ])('keeps article text: %s', (line) => {
    expect(classifyBoilerplateLine(line)).toBeNull();
  });
});

describe('cleanArticleText', () => {
  it('leaves the seed article with its title once, then the body, and ends on the last body paragraph', () => {
    const seed = readSeedArticle();
    const { text, removed } = cleanArticleText(seed);
    const lines = text.split('\n');
    expect(lines[0]).toBe('تنظيم داعش في سوريا يلتقي استخبارات دول غربية');
    expect(lines[1]).toBe('');
    expect(lines[2].startsWith('أفاد مصدر مطلع اليوم الجمعة')).toBe(true);
    expect(text.endsWith('هاجموا حافلة عسكرية على متنها جنود سوريين.')).toBe(true);
    expect(text.split('تنظيم داعش في سوريا يلتقي استخبارات دول غربية')).toHaveLength(2);
    expect(removed.map((r) => r.kind)).toEqual(['duplicate-title', 'comment-count', 'comment-form', 'comment-form']);
    // Every kept paragraph is byte-identical to the seed's.
    for (const paragraph of text.split('\n\n')) expect(seed.includes(paragraph)).toBe(true);
  });

  it('removes a "read also" heading and the headlines listed under it, then resumes the body', () => {
    const pasted = [
      'قال الجيش إن قواته سيطرت على البلدة.',
      '',
      'اقرأ أيضاً',
      'الجيش يعلن السيطرة على بلدة جديدة',
      'مقتل خمسة في انفجار',
      '',
      'وأضاف البيان أن العملية مستمرة.',
      'Share on Facebook Twitter',
      '© 2024 Example',
    ].join('\n');
    const { text, removed } = cleanArticleText(pasted);
    expect(text).toBe('قال الجيش إن قواته سيطرت على البلدة.\n\nوأضاف البيان أن العملية مستمرة.');
    expect(removed.map((r) => r.kind)).toEqual(['read-also', 'read-also', 'read-also', 'share', 'copyright']);
  });

  it('uses the given title to drop a repeated headline that differs only in diacritics', () => {
    const { text } = cleanArticleText('Body first.\n\nتَنظيم داعش يلتقي\n\nMore body.', { title: 'تنظيم داعش يلتقي' });
    expect(text).toBe('Body first.\n\nتَنظيم داعش يلتقي\n\nMore body.');
    const twice = cleanArticleText('تنظيم داعش يلتقي\n\nتَنظيم داعش يلتقي\nBody.', { title: 'تنظيم داعش يلتقي' });
    expect(twice.text).toBe('تنظيم داعش يلتقي\n\nBody.');
  });

  it('returns NFC text', () => {
    const decomposed = 'قال الوزير إن الاتفاق نهائي. Le ministre a de\u0301clare\u0301.';
    expect(cleanArticleText(decomposed).text).toBe(decomposed.normalize('NFC'));
  });
});
