import { LINKED_KINDS, type Linked } from '../core/linked.js';
import { sanitizeLine } from '../core/sanitize.js';
import type { Paint } from './paint.js';
import { truncate } from './text.js';

/** How many of each kind `show` lists; the total says how many there are. */
const LINKED_SHOWN = 5;

const LABEL = { models: 'Models', datasets: 'Datasets', spaces: 'Spaces' } as const;

/**
 * The models, datasets and Spaces built on a paper, for `show`: per kind its total and the first five
 * (id, likes, downloads, then the URL on its own line, never wrapped). Empty when nothing is known.
 */
export function renderLinked(linked: Linked, width: number, paint: Paint): string[] {
  const kinds = LINKED_KINDS.map(({ kind, list, total }) => ({ kind, repos: linked[list], total: linked[total] }));
  if (kinds.every((k) => k.total === null && k.repos.length === 0)) return [];
  const out: string[] = [''];
  const present = kinds.filter((k) => k.repos.length > 0 || (k.total ?? 0) > 0);
  if (present.length === 0) return ['', paint.dim('No models, datasets or Spaces on Hugging Face cite it yet.')];
  for (const { kind, repos, total } of present) {
    const count = total ?? repos.length;
    const shown = Math.min(LINKED_SHOWN, repos.length);
    out.push(paint.bold(`${LABEL[kind]} (${count}${count > shown ? `, first ${shown}` : ''})`));
    for (const repo of repos.slice(0, LINKED_SHOWN)) {
      const stats = [repo.likes !== null ? `♥ ${repo.likes}` : '', repo.downloads !== null ? `↓ ${repo.downloads}` : ''].filter(Boolean).join('  ');
      const name = truncate(sanitizeLine(repo.id), Math.max(10, width - 4 - (stats ? stats.length + 2 : 0)));
      out.push(`  ${name}${stats ? `  ${paint.dim(stats)}` : ''}`);
      out.push(`    ${paint.link(sanitizeLine(repo.url))}`);
    }
  }
  return out;
}
