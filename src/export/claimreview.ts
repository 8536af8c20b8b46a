// schema.org ClaimReview JSON-LD for claims with a credibility: the Admiralty credibility 1 (confirmed)
// … 5 (improbable) maps to ratingValue 5 … 1; 6 (cannot be judged) carries no ratingValue.
import type { Judgement } from '../analysis/judgement.js';
import { CREDIBILITY_LABEL, type DossierSnapshot } from '../analysis/model.js';

export function toClaimReview(snap: DossierSnapshot, j: Judgement, now: string, reviewer = 'Dossier analyst'): object {
  const docs = new Map(snap.documents.map((d) => [d.id, d]));
  const graph = j.evidence
    .filter((e) => e.kind === 'claim' && (e.credibility.credibility !== 6 || !e.credibility.proposed))
    .map((e) => {
      const c = e.credibility.credibility;
      const label = CREDIBILITY_LABEL[c];
      const appearances = [...new Set(e.spans.map((s) => s.documentId))].flatMap((id) => {
        const d = docs.get(id);
        return d ? [{ '@type': 'CreativeWork', headline: d.title ?? undefined, url: d.url ?? undefined, datePublished: d.publishedAt ?? undefined, publisher: d.publisher ? { '@type': 'Organization', name: d.publisher } : undefined }] : [];
      });
      const dates = appearances.map((a) => a.datePublished).filter((x): x is string => !!x).sort();
      const origin = e.chains[0]?.speaker ?? e.origins[0];
      return {
        '@type': 'ClaimReview',
        claimReviewed: e.text,
        datePublished: now.slice(0, 10),
        author: { '@type': 'Person', name: reviewer },
        reviewRating: {
          '@type': 'Rating',
          ...(c === 6 ? {} : { ratingValue: 6 - c, bestRating: 5, worstRating: 1 }),
          alternateName: `${label[0].toUpperCase()}${label.slice(1)} (Admiralty ${c})`,
          ratingExplanation: e.credibility.reason,
        },
        itemReviewed: {
          '@type': 'Claim',
          ...(origin ? { author: { '@type': 'Thing', name: origin.name } } : {}),
          ...(dates.length ? { datePublished: dates[0] } : {}),
          appearance: appearances,
          ...(appearances.length ? { firstAppearance: appearances.find((a) => a.datePublished === dates[0]) ?? appearances[0] } : {}),
        },
      };
    });
  return { '@context': 'https://schema.org', '@graph': graph };
}
