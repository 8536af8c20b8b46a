// Small hand-written analyses for store tests (fictional outlets and speakers).
import type { Analysis, Entity, Event, Quote } from '../../src/types.js';

export function entity(id: string, name: string, type: Entity['type'], aliases: string[], text: string): Entity {
  const mentions: Entity['mentions'] = [];
  // longest forms first, and a shorter form inside a longer mention is not a mention of its own
  for (const form of [...new Set([name, ...aliases])].sort((a, b) => b.length - a.length)) {
    let at = text.indexOf(form);
    while (at >= 0) {
      const end = at + form.length;
      if (!mentions.some((m) => m.start < end && at < m.end)) mentions.push({ in: 'document', start: at, end, text: form });
      at = text.indexOf(form, end);
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return { id, key: `${type}:${name.toLowerCase()}`, name, type, aliases: [...new Set([name, ...aliases])], mentions };
}

export function quote(id: string, text: string, content: string, speaker: string, speakerId: string | null, via: string[] = []): Quote {
  const start = text.indexOf(content);
  if (start < 0) throw new Error(`fixture: "${content}" not in text`);
  return {
    id, in: 'document', start, end: start + content.length, content, direct: true, cue: 'said',
    speaker: { text: speaker, entityId: speakerId }, via: via.map((v) => ({ text: v, entityId: null })),
  };
}

export function analysis(source: string, text: string, parts: { title?: string; publisher?: string; publishedAt?: string; entities?: Entity[]; quotes?: Quote[]; events?: Event[] } = {}): Analysis {
  return {
    schema: 'dossier.analysis/1',
    source,
    document: {
      title: parts.title ?? null, author: null, publisher: parts.publisher ?? null, publishedAt: parts.publishedAt ?? null,
      language: 'en', text,
    },
    comments: [],
    entities: parts.entities ?? [],
    quotes: parts.quotes ?? [],
    events: parts.events ?? [],
  };
}
