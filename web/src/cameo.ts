// CAMEO root codes (Gerner, Schrodt et al., CAMEO Event Data Codebook v1.1b3) and the quad class
// each belongs to, which picks its colour family.
export const CAMEO_ROOTS: Record<string, string> = {
  '01': 'Make public statement', '02': 'Appeal', '03': 'Express intent to cooperate', '04': 'Consult',
  '05': 'Engage in diplomatic cooperation', '06': 'Engage in material cooperation', '07': 'Provide aid',
  '08': 'Yield', '09': 'Investigate', '10': 'Demand', '11': 'Disapprove', '12': 'Reject', '13': 'Threaten',
  '14': 'Protest', '15': 'Exhibit force posture', '16': 'Reduce relations', '17': 'Coerce', '18': 'Assault',
  '19': 'Fight', '20': 'Use unconventional mass violence',
};

export const cameoRoot = (code: string): string => code.slice(0, 2).padStart(2, '0');
export const cameoLabel = (code: string): string => `${code} ${CAMEO_ROOTS[cameoRoot(code)] ?? 'Unknown'}`;

// One hue per root, grouped: blues = verbal cooperation, greens = material cooperation,
// ambers = verbal conflict, reds/purples = material conflict.
export const CAMEO_COLOURS: Record<string, string> = {
  '01': '#9ecae1', '02': '#6baed6', '03': '#4292c6', '04': '#2171b5', '05': '#08519c',
  '06': '#74c476', '07': '#31a354', '08': '#006d2c',
  '09': '#fdd0a2', '10': '#fdae6b', '11': '#fd8d3c', '12': '#e6550d', '13': '#a63603',
  '14': '#fc9272', '15': '#fb6a4a', '16': '#ef3b2c', '17': '#cb181d', '18': '#a50f15', '19': '#67000d', '20': '#54278f',
};
export const cameoColour = (code: string): string => CAMEO_COLOURS[cameoRoot(code)] ?? '#888';
