// Serves the built web app (dist/web) from memory: files are read once, paths cannot leave the
// root, unknown paths under / fall back to index.html for the app's own routing.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.map': 'application/json',
  '.woff2': 'font/woff2',
};

export interface StaticFile {
  body: Buffer;
  type: string;
  immutable: boolean;
}

/** dist/web, next to the compiled server (dist/src/server → dist/web). */
export function defaultWebRoot(): string {
  return fileURLToPath(new URL('../../web/', import.meta.url));
}

export function loadStatic(root: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const rel = '/' + relative(root, p).split('\\').join('/');
        files.set(rel, { body: readFileSync(p), type: TYPES[extname(p)] ?? 'application/octet-stream', immutable: rel.startsWith('/assets/') });
      }
    }
  };
  walk(root);
  return files;
}
