import { MAX_AUDITED_STRING, REDACTED, redactArguments } from './audit-arguments';

describe('redactArguments: what an audit entry keeps of a mutation\'s arguments', () => {
  it('keeps an annotation\'s chain and tags as given, Arabic included', () => {
    const input = { articleId: 'a1', tags: ['دير الزور'], chain: [{ sourceId: 's1', relation: 'ORIGIN', cue: 'بحسب سبوتنيك' }] };
    expect(redactArguments({ input })).toEqual({ input });
  });

  it.each([
    ['secret'],
    ['webhookSecret'],
    ['token'],
    ['apiToken'],
    ['password'],
    ['apiKey'],
    ['api_key'],
    ['Authorization'],
  ])('never keeps the value of %s', (key) => {
    expect(redactArguments({ input: { url: 'https://partner.example/hook', [key]: 'hunter2' } })).toEqual({
      input: { url: 'https://partner.example/hook', [key]: REDACTED },
    });
  });

  it('cuts a pasted article to its opening and notes its length in characters, not UTF-16 units', () => {
    const text = 'وأفاد مصدر مطلع 😀 '.repeat(100);
    const kept = redactArguments({ input: { text } }) as { input: { text: string } };
    expect(kept.input.text.startsWith([...text].slice(0, MAX_AUDITED_STRING).join(''))).toBe(true);
    expect(kept.input.text.endsWith(`… [${[...text].length} characters]`)).toBe(true);
  });

  it('keeps a short text whole and writes dates as ISO strings', () => {
    const publishedAt = new Date('2026-03-01T10:00:00Z');
    expect(redactArguments({ input: { title: 'عاجل', publishedAt, note: null } })).toEqual({
      input: { title: 'عاجل', publishedAt: '2026-03-01T10:00:00.000Z', note: null },
    });
  });

  it('leaves the caller\'s arguments untouched', () => {
    const args = { input: { secret: 'hunter2' } };
    redactArguments(args);
    expect(args.input.secret).toBe('hunter2');
  });
});
