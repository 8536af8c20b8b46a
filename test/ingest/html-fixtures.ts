// Reads the HTML fixtures this project wrote (test/fixtures/html), from the compiled test's location.
import { readFileSync } from 'node:fs';

export const fixture = (name: string): string =>
  readFileSync(new URL(`../../../test/fixtures/html/${name}`, import.meta.url), 'utf8');
