// A comment header's date stamp ("31st March 2016 at 11:30 am") → ISO 8601 without a timezone,
// as precise as the stamp: "2016-03-31T11:30" or "2016-03-31". The page shows local time and
// names no zone, so none is invented.
import * as chrono from 'chrono-node';

const pad = (n: number) => String(n).padStart(2, '0');

/** Parse a stamp that must carry a full date (day, month and year); null otherwise. */
export function stampToIso(stamp: string): string | null {
  if (!/\d/.test(stamp)) return null;
  const [r] = chrono.parse(stamp);
  if (!r) return null;
  const s = r.start;
  if (!s.isCertain('year') || !s.isCertain('month') || !s.isCertain('day')) return null;
  const date = `${s.get('year')}-${pad(s.get('month')!)}-${pad(s.get('day')!)}`;
  return s.isCertain('hour') ? `${date}T${pad(s.get('hour')!)}:${pad(s.get('minute') ?? 0)}` : date;
}
