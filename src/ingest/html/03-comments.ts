// Step 3: reader comments (placeholder until the thread reader lands).
import type { Comment } from '../../types.js';
import type { El } from './dom.js';

export function extractComments(_root: El): Comment[] {
  return [];
}
