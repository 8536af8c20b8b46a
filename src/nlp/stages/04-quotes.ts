// Stage 4, quotes: see ./quotes/ for its steps.
export { quotesStage, quoteContaining, quotesOfSection } from './quotes/index.js';
