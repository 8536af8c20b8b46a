// A comment header's date stamp ("31st March 2016 at 11:30 am") → ISO 8601 without a timezone,
// as precise as the stamp: "2016-03-31T11:30" or "2016-03-31". The page shows local time and
// names no zone, so none is invented.
import * as chrono from 'chrono-node';

const pad = (n: number) => String(n).padStart(2, '0');

const WEEKDAY_OR_FILLER = /^[\s,.;:()|–—-]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|on|at)?[\s,.;:()|–—-]*$/i;

/**
 * Parse a stamp that must carry a full date (day, month and year); null otherwise. With `whole`,
 * the date must be all the stamp says (a weekday and punctuation aside), not a date inside prose.
 */
export function stampToIso(stamp: string, whole = false): string | null {
  if (!/\d/.test(stamp)) return null;
  const [r] = chrono.parse(stamp);
  if (!r) return null;
  if (whole && !WEEKDAY_OR_FILLER.test(stamp.slice(0, r.index) + ' ' + stamp.slice(r.index + r.text.length))) return null;
  const s = r.start;
  if (!s.isCertain('year') || !s.isCertain('month') || !s.isCertain('day')) return null;
  const date = `${s.get('year')}-${pad(s.get('month')!)}-${pad(s.get('day')!)}`;
  return s.isCertain('hour') ? `${date}T${pad(s.get('hour')!)}:${pad(s.get('minute') ?? 0)}` : date;
}
