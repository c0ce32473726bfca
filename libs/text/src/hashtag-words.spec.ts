import { hashtagWords } from './hashtag-words';

describe('hashtagWords: the words a fact-checker reads in a handle or hashtag', () => {
  it.each([
    ['#FyreFestival ran out of money', ['Fyre', 'Festival']],
    ['You’re sharing a video from my show @AJUpFront to make @IlhanMN look bad', ['AJ', 'Up', 'Front', 'Ilhan', 'MN']],
    ['@JohnnySins @ESPN #Gottem', ['Johnny', 'Sins']],
    ['#COVID19 cases', ['COVID', '19']],
    ['Watch #BlackLivesMatter_Protests live', ['Black', 'Lives', 'Matter']],
  ])('%s → %j', (text, expected) => {
    expect(hashtagWords(text)).toEqual(expected);
  });

  it('adds only the words the text does not already write out (an embedded tweet names its author twice)', () => {
    expect(hashtagWords('Looks like he’ll have to start a war. — Donald J. Trump (@realDonaldTrump) October 17, 2012')).toEqual(['real']);
    expect(hashtagWords('Stop posing as my dad — Morgan Eastwood (@MorganEastwood) #FyreFestival #FyreFestival')).toEqual(['Fyre', 'Festival']);
  });

  it('leaves single words, e-mail addresses and Arabic hashtags (split by their underscores) alone', () => {
    expect(hashtagWords('#cornflakes and @CNN wrote to news@example.com about #عاجل and #كورونا_الجديد')).toEqual([]);
  });
});
