import { normalizeForSearch } from '@isnad/text';
import { otherExtent, otherModality, otherMonths, otherPartOfYear, otherPeriod, otherSideOfEvent, otherYears, partsOfYearIn, periodsIn, recordAgainstFigure, yearsIn } from './claim-circumstances';

const key = normalizeForSearch;

describe('claim circumstances', () => {
  it.each([
    ['another year', 'The World Bank approved a loan to Egypt in March 2023', 'The World Bank approved a loan to Egypt in March 2024', ['2023', '2024']],
    ['another year across languages', 'Алжир в 2022 году экспортировал 52 млрд кубометров газа', 'الجزائر صدرت 52 مليار متر مكعب من الغاز في عام 2023', ['2022', '2023']],
    ['another year in Arabic-Indic digits', 'البطالة في الأردن 22.3% في عام ٢٠٢١', 'البطالة في الأردن 22.3% في عام 2023', ['2021', '2023']],
  ])('tells %s', (_, a, b, years) => {
    expect(otherYears(key(a), key(b))).toEqual(years);
  });

  it.each([
    ['the same year', 'Egypt got a loan in 2024', 'The loan to Egypt was approved in March 2024'],
    ['a range holding the other year', 'deficit down 20% in fiscal 2023/24', 'the deficit shrank by 20% in the 2023-2024 fiscal year'],
    ['a text with no year', 'Egypt gets a $700 million loan', 'Egypt got a $700 million loan in March 2024'],
    ['figures that are not years', 'killed 30 people', 'killed 30 people, 1500 displaced'],
  ])('does not tell another year for %s', (_, a, b) => {
    expect(otherYears(key(a), key(b))).toBeNull();
  });

  it('reads years, not other figures', () => {
    expect([...yearsIn(key('700 million dollars in March 2024, 1,200 workers'))]).toEqual(['2024']);
  });

  it.each([
    ['a month for a week', 'تسجيل 250 حالة كوليرا في الحديدة خلال شهر', 'تسجيل 250 حالة كوليرا في الحديدة خلال أسبوع واحد', ['شهر', 'اسبوع']],
    ['a week for one night, in Russian', 'ПВО за неделю сбили 12 беспилотников', 'ПВО ночью сбили 12 беспилотников', ['неделю', 'ночью']],
    ['a month for a week, across languages', 'Yemen records 250 cholera cases in Hodeidah in one month', 'تسجيل 250 حالة كوليرا في الحديدة خلال أسبوع', ['month', 'اسبوع']],
  ])('tells another span: %s', (_, a, b, words) => {
    expect(otherPeriod(key(a), key(b))).toEqual(words);
  });

  it.each([
    ['the same span in other words', 'تسجيل 250 حالة كوليرا في اسبوع', 'تسجيل 250 حالة كوليرا خلال أسبوع واحد'],
    ['one night across languages', 'الدفاعات الجوية أسقطت 12 مسيرة خلال الليل', 'ПВО ночью сбили 12 беспилотников'],
    ['a text with no span', 'Iraq exports 10,000 barrels a day to Jordan', 'العراق يصدر 10 آلاف برميل إلى الأردن'],
    ['a date, not a span', 'Турция повысила ставку до 45% в январе 2024 года', 'Turkey raised its key rate to 45 percent in January 2024'],
  ])('does not tell another span for %s', (_, a, b) => {
    expect(otherPeriod(key(a), key(b))).toBeNull();
  });

  it('reads the spans a text names in the three languages', () => {
    expect([...periodsIn(key('daily flights, weekly, monthly')).keys()]).toEqual(['daily', 'week', 'month']);
    expect([...periodsIn(key('خلال الليل وفي أسبوعين')).keys()]).toEqual(['night', 'week']);
    expect([...periodsIn(key('за сутки и за месяц')).keys()]).toEqual(['daily', 'month']);
  });

  it.each([
    ['plans / opened', 'Turkey plans to open a new military base in Duhok', 'Turkey opened a new military base in Duhok', ['plans']],
    ['considering / dissolved', "Kuwait's emir is considering dissolving parliament", "Kuwait's emir dissolved parliament", ['considering']],
    ['рассматривает / открыла', 'Турция рассматривает возможность открыть базу в Дохуке', 'Турция открыла базу в Дохуке', ['рассматривает']],
    ['تعتزم / opened', 'تركيا تعتزم فتح قاعدة عسكرية في دهوك', 'Turkey opened a military base in Duhok', ['تعتزم']],
    ['a deed / a postponed vote, the other way round', 'Iraq elected a speaker', 'Парламент Ирака отложил выборы спикера', ['отложил']],
    ['talks next week / talks held', 'Лавров проведет переговоры с аш-Шейбани на следующей неделе', 'Лавров провел переговоры с аш-Шейбани в Москве', ['на следующеи неделе']],
    ['an approval postponed / approved', "Lebanon's cabinet postpones approval of the 2025 budget", "Lebanon's cabinet approved the 2025 budget", ['postpones']],
    ['could / cut', 'Jordan could cut fuel prices by 5%, minister says', 'Jordan cut fuel prices by 5%', ['could']],
    ['may / resumed', 'Royal Jordanian may resume flights to Baghdad', 'Royal Jordanian resumed flights to Baghdad', ['may']],
    ['would ... if / reopened', 'Syria would reopen the Nasib crossing if Jordan agrees', 'Syria reopened the Nasib crossing', ['would']],
    ['threatens, naming no kind of event / imposed', 'Britain threatens sanctions on Libyan oil officials', 'Britain imposed sanctions on Libyan oil officials', ['threatens']],
    ['a demand / a deed (Arabic)', 'النقابات تطالب برفع الأجور بنسبة 10%', 'الحكومة ترفع الأجور بنسبة 10%', ['تطالب']],
    ['recommends / a deed', 'A committee recommends banning plastic bags in Oman', 'Oman banned plastic bags', ['recommends']],
    ['a first reading / a vote', 'Парламент Ирака одобрил закон в первом чтении', 'Парламент Ирака одобрил закон', ['первом чтении']],
    ['a proposal / a deed (Arabic)', 'مجلس الشورى السعودي يقترح رفع ضريبة القيمة المضافة إلى 15%', 'السعودية ترفع ضريبة القيمة المضافة إلى 15%', ['يقترح']],
    ['proposes / raised', "Saudi Arabia's Shura council proposes raising VAT to 15%", 'Saudi Arabia raised VAT to 15%', ['proposes']],
    ['a declaration being prepared / signed (Russian)', 'Алжир и Россия готовят декларацию о стратегическом партнерстве', 'Россия и Алжир подписали декларацию о стратегическом партнерстве', ['готовят']],
    ['about to be certified / certified (Arabic)', 'وزير الصحة: مصر على وشك الحصول على شهادة الخلو من الملاريا', 'منظمة الصحة العالمية تمنح مصر شهادة الخلو من الملاريا', ['علي وشك']],
    ['a failed bid / a title won (Arabic, after و)', 'الأهلي يخسر النهائي ويفشل في التتويج باللقب', 'الأهلي يتوج باللقب', ['ويفشل في']],
    ['tried to / stormed', 'Protesters tried to storm the parliament in Baghdad', 'Protesters stormed the parliament in Baghdad', ['tried to']],
    ['a plan beside Planned Parenthood', 'Planned Parenthood plans to open a clinic in Texas', 'Planned Parenthood opened a clinic in Texas', ['plans']],
    ['не смог / won (Russian)', '«Аль-Ахли» не смог выиграть Лигу чемпионов', '«Аль-Ахли» выиграл Лигу чемпионов', ['не смог']],
    ['ready to, before a verb / resumed', 'Iraq ready to resume oil exports through the Kirkuk-Ceyhan pipeline at 185,000 barrels a day', 'Iraq resumed oil exports through the Kirkuk-Ceyhan pipeline at 185,000 barrels per day', ['ready to']],
    ['an application to someone / a grant', 'Egypt applied to the WHO for certification as malaria-free', 'The WHO certified Egypt as malaria-free', ['applied']],
    ['an application for a loan / a loan granted', 'Egypt applied to the IMF for a $3 billion loan', 'The IMF approved a $3 billion loan to Egypt', ['applied']],
    ['an application to someone (Arabic) / a grant', 'مصر تقدمت إلى منظمة الصحة العالمية بطلب الحصول على شهادة الخلو من الملاريا', 'منظمة الصحة العالمية تمنح مصر شهادة الخلو من الملاريا', ['تقدمت']],
    ['an application to someone (Russian) / a grant', 'Египет обратился в ВОЗ с заявкой на сертификацию', 'ВОЗ сертифицировала Египет как свободный от малярии', ['обратился']],
  ])('tells a plan from a deed: %s', (_, a, b, words) => {
    expect(otherModality(key(a), key(b))).toEqual(words);
  });

  it.each([
    ['two deeds', 'Turkey opened a base in Duhok', 'Турция открыла базу в Дохуке'],
    ['two plans', 'Turkey plans a base in Duhok', 'تركيا تخطط لإقامة قاعدة في دهوك'],
    ['the plain future, which news uses for decisions', 'Россия выделит Египту кредит', 'Russia will lend Egypt $25 billion'],
    ['a plan against the future, which is no deed', 'Biden plans to ban fracking', 'Biden will ban fracking'],
    ['a plan against another kind of event', 'Turkey plans to open a base in Duhok', 'Turkish drones struck Duhok'],
    ['a proposal as a thing, not a plan', 'Netanyahu rejects a Gaza ceasefire proposal', 'نتنياهو يرفض مقترح وقف إطلاق النار في غزة'],
    ['"would" in reported words, the speaker\'s future', 'Nasrallah warned that any attack on Lebanon would start a war', 'نصر الله يحذر من أن أي هجوم على لبنان سيشعل حربا'],
    ['May the month', 'Tunisia raised the minimum wage by 7.5% from May', 'Tunisia raised the minimum wage by 7.5%'],
    ["a reader's question about the deed, which asks for its verdict", 'Did Oman ban plastic bags?', 'Oman banned plastic bags'],
    ['هل, the question in Arabic', 'هل حظرت سلطنة عمان الأكياس البلاستيكية؟', 'سلطنة عمان تحظر الأكياس البلاستيكية'],
    ['Правда ли, что: "is it true that"', 'Правда ли, что Оман запретил пластиковые пакеты?', 'Оман запретил пластиковые пакеты'],
    ['"demand", the noun', "Egypt's wheat demand rose 5% in 2024", "Egypt's wheat consumption rose 5% in 2024"],
    ['طالب, a student', 'مقتل طالب بانفجار في جامعة بغداد', 'انفجار في جامعة بغداد يقتل طالبا'],
    ['призыв, conscription', 'Россия продлила отсрочку от призыва для студентов', 'Russia extended the draft deferment for students'],
    ['readiness, a stance in every language', 'Lavrov says Moscow is ready for talks with Kyiv', 'Лавров заявил, что Москва готова к переговорам с Киевом'],
    // CheckThat! EN 2020 dev 414 against its right claim: readiness in a relative clause describes someone.
    ['readiness describing someone', 'We should beware of the demagogues who are ready to declare a trade war against our friends', 'Reagan warned against demagogues waving the flag and declaring trade wars'],
    ['a rule that applies to someone, no application', 'The ban applied to flights from Europe for two weeks', 'Oman banned flights from Europe for two weeks'],
    ['a rule that applies to someone, in the present', 'The ban applies to flights from Europe for travellers', 'Oman banned flights from Europe'],
    ['an attempt as a thing, foiled', 'Iraq foiled an attempt to smuggle 2 tonnes of captagon', 'Iraq seized 2 tonnes of captagon'],
    ['a bid as a thing', "Morocco's bid for the 2030 World Cup", 'Morocco will co-host the 2030 World Cup'],
    // EN 2022 dev tweet-sno-1079 against its right claim (claim, title and subtitle).
    [
      'Planned Parenthood, a name',
      "don't even get me started on Girl Scout cookies where portion goes to PP don't buy cookies write a check to the troop",
      'The proceeds of Girl Scout Cookies are used to support Planned Parenthood. Do Girl Scout Cookie Proceeds Fund Planned Parenthood?',
    ],
    ['family planning, a field', 'Egypt opened 50 family planning clinics in Upper Egypt', 'Egypt opened 50 clinics in Upper Egypt'],
    ['планирование семьи, a field (Russian)', 'Египет открыл 50 центров планирования семьи', 'Egypt opened 50 clinics'],
  ])('does not tell a plan from a deed for %s', (_, a, b) => {
    expect(otherModality(key(a), key(b))).toBeNull();
  });
});

describe('another month in a date', () => {
  it.each([
    ['another month, the same day', 'البنك المركزي المصري يحرر سعر صرف الجنيه في 6 فبراير 2024', 'البنك المركزي المصري يحرر سعر صرف الجنيه في 6 مارس 2024', ['month 2', 'month 3']],
    ['the Maghrebi June for the Maghrebi August', 'الرئيس قيس سعيد يقيل رئيس الحكومة مساء 7 جوان', 'الرئيس قيس سعيد يقيل رئيس الحكومة مساء 7 أوت 2024', ['month 6', 'month 8']],
    ['across languages', 'الجيش السوداني يستعيد ود مدني في 11 ديسمبر', "Sudan's army recaptured Wad Madani on 11 January 2025", ['month 12', 'month 1']],
  ])('tells %s', (_, a, b, expected) => {
    expect(otherMonths(key(a), key(b))).toEqual(expected);
  });

  it.each([
    ['the Levantine and the Maghrebi names of August', 'سعيد يعفي الحشاني في 7 آب 2024', 'قيس سعيد يقيل الحشاني مساء 7 أوت 2024'],
    ['an American date against an Arabic one', 'On March 6, 2024, the Central Bank of Egypt floated the pound', 'البنك المركزي المصري يحرر سعر صرف الجنيه في 6 مارس 2024'],
    ['a text with no date', 'Egypt floats the pound', "Egypt's central bank let the pound float freely on 6 March 2024"],
    ["another day: a tweet's dateline against the claim's date", 'Text COUNT ME to 89800 — Sriya (@sriya) January 23, 2017', 'The march was held on 21 March 2017'],
  ])('does not tell another month for %s', (_, a, b) => {
    expect(otherMonths(key(a), key(b))).toBeNull();
  });
});

describe('another numbered part of the year', () => {
  it('reads quarters and halves with their ordinal in the three languages, and Q1 and H2', () => {
    expect([...partsOfYearIn(key('revenue in the first quarter and the second half'))]).toEqual(['quarter 1', 'half 2']);
    expect([...partsOfYearIn(key('خلال الربع الأول والنصف الثاني من العام'))]).toEqual(['quarter 1', 'half 2']);
    expect([...partsOfYearIn(key('во втором квартале и в первом полугодии'))]).toEqual(['quarter 2', 'half 1']);
    expect([...partsOfYearIn(key('Q3 profit, H1 revenue'))]).toEqual(['quarter 3', 'half 1']);
    // A part without an ordinal is no period.
    expect([...partsOfYearIn(key('revenue fell by half, ربع مليون'))]).toEqual([]);
  });

  it.each([
    ['another quarter, in English', 'Suez Canal revenue fell to $1.2 billion in the second quarter', 'Suez Canal revenue fell to $1.2 billion in the first quarter', ['quarter 2', 'quarter 1']],
    ['another quarter, in Arabic', 'ترحيل 2400 عامل أجنبي خلال الربع الثاني', 'ترحيل 2400 عامل أجنبي خلال الربع الأول', ['quarter 2', 'quarter 1']],
    ['a half for a quarter, across languages', 'доходы канала в первом полугодии', 'إيرادات القناة في الربع الأول', ['half 1', 'quarter 1']],
  ])('tells %s', (_, a, b, expected) => {
    expect(otherPartOfYear(key(a), key(b))).toEqual(expected);
  });

  it.each([
    ['Q1 and the first quarter', 'Suez Canal earned $1.2bn in Q1', 'Suez Canal revenue fell to $1.2 billion in the first quarter'],
    ['the same quarter across languages', 'в первом квартале', 'في الربع الأول'],
    ['a text that names no part', 'Suez Canal revenue fell by half', 'Suez Canal revenue fell in the first quarter'],
  ])('does not tell another part for %s', (_, a, b) => {
    expect(otherPartOfYear(key(a), key(b))).toBeNull();
  });
});

describe('the other side of the same event', () => {
  it.each([
    ['until the end against after, in Arabic', 'السعودية تعلق التأشيرات الإلكترونية بعد انتهاء موسم الحج', 'السعودية تعلق التأشيرات الإلكترونية حتى نهاية موسم الحج', ['after موسم', 'before موسم']],
    ['before against after the election, in English', 'The cabinet approved the budget before the election', 'The cabinet approved the budget after the election', ['before election', 'after election']],
    ['до against после, in Russian', 'Правительство одобрило бюджет до выборов', 'Правительство одобрило бюджет после выборов', ['before выборов', 'after выборов']],
  ])('tells %s', (_, a, b, expected) => {
    expect(otherSideOfEvent(key(a), key(b))).toEqual(expected);
  });

  it.each([
    ['until and before, one side', 'suspended until the end of the Hajj season', 'suspended before the end of the Hajj season'],
    ['after two other events', 'approved after the talks', 'approved before the election'],
    ['a figure as the bound', 'ставка снижена до 21%', 'после 21 года'],
    ['a text that names no side', 'Saudi Arabia suspended e-visas for 14 countries', 'Saudi Arabia suspended e-visas after the Hajj season'],
  ])('does not tell another side for %s', (_, a, b) => {
    expect(otherSideOfEvent(key(a), key(b))).toBeNull();
  });
});

describe('how far a deed went, or which step of it', () => {
  it.each([
    ['partially reopened / reopened', 'Syria partially reopened the Nasib crossing', 'Syria reopened the Nasib crossing', ['partially']],
    ['جزئيا / reopened (Arabic)', 'سوريا تعيد فتح معبر نصيب جزئيا', 'سوريا تعيد فتح معبر نصيب', ['جزييا']],
    ['частично / opened', 'Сирия частично открыла КПП Насиб', 'Сирия открыла КПП Насиб', ['частично']],
    ["a cabinet's draft law / parliament's vote", 'مجلس الوزراء يقر مشروع قانون الاستثمار', 'مجلس النواب يصوت على قانون الاستثمار', ['مشروع قانون']],
    ['in force / approved', 'Oman\'s new labour law comes into force', 'Oman approved a new labour law', ['into force']],
    ['a deed partially done beside a verdict', 'Partially true: the EU partially lifted sanctions on Syria', 'The EU lifted sanctions on Syria', ['partially']],
  ])('tells %s', (_, a, b, words) => {
    expect(otherExtent(key(a), key(b))).toEqual(words);
  });

  it.each([
    ['both partial', 'Syria partially reopened the Nasib crossing', 'سوريا تعيد فتح معبر نصيب جزئيا'],
    ['neither', 'Syria reopened the Nasib crossing', 'سوريا تعيد فتح معبر نصيب'],
    ['a cause given in part', 'Bread prices in Egypt rose 20% due in part to the drought', 'Bread prices in Egypt rose 20% because of the drought'],
    // EN 2022 dev tweet-sno-1114 and 1108 against their right claims (claim, title and subtitle).
    [
      "a fact-checker's verdict, partially correct",
      'Some phones charge you to use Emoji’s in your text messages.. In some it is sent as text and in some it is sent as MMS',
      'Cell phone companies began charging users for SMS emojis (emoticons) in February 2016. Cellular Companies Charging for Emojis? Viral warnings about unexpected emoji charges on cell phone bills were based largely on outdated or partially correct information.',
    ],
    ['the verdict in Arabic, صحيح جزئيا', 'الأردن أعاد فتح جسر الملك حسين', 'صحيح جزئياً: الأردن أعاد فتح جسر الملك حسين'],
    ['the verdict in Russian, частично верно', 'Иордания открыла мост короля Хусейна', 'Частично верно: Иордания открыла мост короля Хусейна'],
    [
      "a thing's make-up, partially made from",
      'This cheese company has been putting wood in their parmesan for 30 years',
      'Several widely-available cheeses are partially made from wood. Wood in Cheese?',
    ],
  ])('does not tell another extent for %s', (_, a, b) => {
    expect(otherExtent(key(a), key(b))).toBeNull();
  });

  it.each([
    ['"a day after", an English date', 'Algeria and Russia signed the declaration a day after Tebboune arrived in Moscow'],
    ['"the next day" in Arabic, اليوم with an adjective', 'وقعت الجزائر وروسيا الإعلان في اليوم التالي لوصول تبون'],
    ['"on election day" in Russian, в день before a noun', 'Явка в день выборов составила 11%'],
  ])('does not read a day that dates as a daily rate: %s', (_, text) => {
    expect(periodsIn(key(text)).has('daily')).toBe(false);
  });

  it('still reads a daily rate, "24 hours" and a year\'s total as spans', () => {
    expect(periodsIn(key('Iraq exports 185,000 barrels a day, يوم بعد يوم')).has('daily')).toBe(true);
    expect(periodsIn(key('185 тысяч баррелей в день')).has('daily')).toBe(true);
    expect(otherPeriod(key('Dubai recorded 254 mm of rain in 2023, the annual total'), key('Dubai recorded 254 mm of rain in 24 hours'))).toEqual(['annual', '24 hours']);
    expect(otherPeriod(key('Dubai recorded 254 mm of rain in 24 hours'), key('В Дубае за сутки выпало 254 мм осадков'))).toBeNull();
  });

  it('reads a rate per day as a span, as it reads a week', () => {
    expect(otherPeriod(key('Royal Jordanian flies to Baghdad twice a day'), key('Royal Jordanian flies to Baghdad twice a week'))).toEqual(['a day', 'week']);
  });
});

describe('a record against a figure', () => {
  it.each([
    ['a record low against a rate', 'The Yemeni rial hit its lowest level since the start of the war in Aden', 'The Yemeni rial fell to 1,870 to the dollar in Aden', ['lowest']],
    ['the highest weekly count against a count', 'Khartoum recorded its highest weekly number of dengue cases since the outbreak began', "Sudan's health ministry recorded 1,187 dengue cases in Khartoum in a week", ['highest']],
    ['قياسي against a figure (Arabic)', 'الريال اليمني يسجل تراجعا قياسيا في عدن', 'الريال اليمني يتراجع إلى 1870 ريالا للدولار في عدن', ['قياسيا']],
    ['рекорд against a figure (Russian), the figure first', 'Явка на выборах в Тунисе составила 11,2%', 'Явка на выборах в Тунисе стала рекордно низкой', ['рекордно']],
    // A figure written in groups is no year, though its value is one.
    ['a record low against a rate written in groups', 'The Yemeni rial hit its lowest level since the start of the war in Aden', 'The Yemeni rial fell to 2,000 to the dollar in Aden', ['lowest']],
    ['a record against a figure in groups (Arabic)', 'الريال اليمني يسجل تراجعا قياسيا في عدن', 'الريال اليمني يتراجع إلى 2,000 ريال للدولار في عدن', ['قياسيا']],
  ])('tells %s', (_, a, b, words) => {
    expect(recordAgainstFigure(key(a), key(b))).toEqual(words);
  });

  it.each([
    ['a record with its figure', 'Dubai saw a record 254 mm of rain in a day', 'Dubai recorded 254 mm of rain in 24 hours, the heaviest in 75 years'],
    ['two records', 'Dubai hit by record rainfall', 'Dubai sees its heaviest rain in 75 years'],
    ['no record', 'The rial fell to 1,950 in Aden', 'The rial fell in Aden'],
    ['a record against a text with only a year', 'The rial hit its lowest level since 2015', 'The rial fell sharply in 2024'],
    ['a record against a text with only a year, the record\'s year in groups of its own', 'The rial hit its lowest level since 2015', 'The rial fell sharply in 2000'],
    ["a country's highest court, which sets no record", "Kuwait's highest court upholds the revocation of citizenships", 'Kuwait revoked the citizenship of 1,535 people'],
    ['the minimum wage, which is no record', 'Тунис повысил минимальную зарплату', 'Tunisia raised the minimum wage by 7.5%'],
  ])('does not tell a record from a figure for %s', (_, a, b) => {
    expect(recordAgainstFigure(key(a), key(b))).toBeNull();
  });
});
