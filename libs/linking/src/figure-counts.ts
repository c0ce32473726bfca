/**
 * What a figure counts, where news writes it in words: "250 deaths" against "250 suspected cases",
 * "by 22.3 points" against "to 22.3%". The same figure counting another thing is another claim.
 * Only what has no symbol a search key would drop: "%" and "$" vanish from a key, so a figure
 * with "percent" or "dollars" in one text and none in the other says nothing. Pure functions over
 * search keys; the kinds of event are language-neutral, so a cross-language pair is compared too.
 */
import { eventsIn } from './claim-predicates';
import { figureWords, figuresIn } from './match-scoring';

// Points are no percent: "rose 2 points" against "rose 2%".
const POINTS = new Set(['point', 'points', 'نقطه', 'نقاط', 'пункт', 'пункта', 'пунктов', 'пунктах']);
// Kinds of event a figure may count (eventsIn reads them in the three languages).
const COUNTED_EVENTS = ['killed', 'wounded'];
const WINDOW = 2;

/** What the words right after each figure of a search key count (points, killed, wounded), by figure value. */
export function countedAfterFigures(key: string): Map<string, Set<string>> {
  const words = figureWords(key);
  const counted = new Map<string, Set<string>>();
  for (const f of figuresIn(key)) {
    const after = words.slice(f.end, f.end + WINDOW);
    const kinds = new Set<string>();
    if (after.some((w) => POINTS.has(w))) kinds.add('points');
    const events = eventsIn(after.join(' '));
    for (const kind of COUNTED_EVENTS) if (events.has(kind)) kinds.add(kind);
    if (kinds.size) counted.set(f.value, new Set([...(counted.get(f.value) ?? []), ...kinds]));
  }
  return counted;
}

/** What a whole search key counts anywhere (points, killed, wounded). */
function countedAnywhere(key: string): Set<string> {
  const kinds = new Set<string>([...eventsIn(key).keys()].filter((k) => COUNTED_EVENTS.includes(k)));
  if (figureWords(key).some((w) => POINTS.has(w))) kinds.add('points');
  return kinds;
}

/**
 * A figure both texts give that one of them says counts deaths, the wounded or points, where the
 * other text names no such thing at all: the figure and what it counts there; null otherwise.
 */
export function otherCount(queryKey: string, candidateKey: string): string[] | null {
  const sides: [string, string][] = [
    [queryKey, candidateKey],
    [candidateKey, queryKey],
  ];
  for (const [one, other] of sides) {
    const otherFigures = new Set(figuresIn(other).map((f) => f.value));
    const otherKinds = countedAnywhere(other);
    for (const [value, kinds] of countedAfterFigures(one)) {
      const missing = [...kinds].find((k) => !otherKinds.has(k));
      if (otherFigures.has(value) && missing) return [value, missing];
    }
  }
  return null;
}
