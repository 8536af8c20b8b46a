// The class/id hints and boilerplate-line patterns from lexicons/hints.json, compiled once.
import hints from './lexicons/hints.json' with { type: 'json' };

const alt = (xs: string[]) => new RegExp(xs.join('|'), 'i');
export const POSITIVE = alt(hints.positive);
export const NEGATIVE = alt(hints.negative);
export const UNLIKELY = alt(hints.unlikely);
export const MAYBE = alt(hints.maybe);
export const BOILERPLATE_LINES = hints.boilerplateLines.map((s) => new RegExp(s, 'i'));
