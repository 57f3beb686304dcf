import { validDay, type RankedPaper } from '../core/paper.js';
import { httpUrl } from '../core/coerce.js';
import { sanitizeLine } from '../core/sanitize.js';

const STOP = new Set(['a', 'an', 'the', 'on', 'of', 'for', 'and', 'in', 'to', 'with', 'towards', 'toward', 'is', 'are', 'via', 'from', 'by', 'at']);

const LATEX: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
  // BibTeX counts braces even after a backslash, so `\}` would still close the entry: a brace of
  // the text is written as a command whose own braces are balanced.
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
};

/** Text safe inside a BibTeX value: LaTeX's special characters escaped, every brace pair the escape's own. */
export function escapeLatex(text: string): string {
  return sanitizeLine(text).replace(/[\\{}$&%#_^~]/g, (c) => LATEX[c] ?? `\\${c}`);
}

/** A URL for a BibTeX `url` field: normalised, and braces and backslashes (which BibTeX reads) percent-encoded. */
function bibtexUrl(url: string | null): string | null {
  return httpUrl(url)?.replace(/[{}\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`) ?? null;
}

/** Letters only, accents dropped, lower case: the parts of a citation key. */
function keyPart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}

/** Name suffixes, which follow the family name and are not it. */
const SUFFIX = /^(jr|sr|ii|iii|iv|2nd|3rd)\.?,?$/i;
/** The family name of one author as written ("Jean-Luc von Neumann Jr.", or "von Neumann, Jr., Jean-Luc"): `Neumann`. */
function familyName(author: string): string {
  const comma = author.indexOf(',');
  // "Family, Given" (and "Family, Jr., Given"): the family part is before the first comma.
  let words = (comma >= 0 ? author.slice(0, comma) : author).trim().split(/\s+/).filter(Boolean);
  while (comma < 0 && words.length > 1 && SUFFIX.test(words.at(-1)!)) words = words.slice(0, -1);
  // Particles (von, van, de la) come before the name itself, which is the last word.
  return words.at(-1) ?? '';
}

/** `ning2026vibeworlding`: first author's family name, year, first significant title word. */
export function citationKey(p: RankedPaper): string {
  const family = familyName(p.authors[0] ?? '');
  const year = (validDay(p.publishedAt) ?? validDay(p.day) ?? '').slice(0, 4);
  const word =
    p.title
      .split(/\s+/)
      .map(keyPart)
      .find((w) => w.length > 0 && !STOP.has(w)) ?? '';
  return `${keyPart(family) || 'anon'}${/^\d{4}$/.test(year) ? year : ''}${word}` || 'paper';
}

/** Suffix letters for repeated keys: 1 -> b, 25 -> z, 26 -> ba. */
function letters(i: number): string {
  let s = '';
  do {
    s = String.fromCharCode(97 + (i % 26)) + s;
    i = Math.floor(i / 26);
  } while (i > 0);
  return s;
}

/** `--format bibtex`: one `@misc` entry per paper, keys unique within the output (b, c, ... appended). */
export function* renderBibtex(papers: readonly RankedPaper[]): Generator<string> {
  const taken = new Set<string>();
  for (const p of papers) {
    const base = citationKey(p);
    let key = base;
    for (let i = 1; taken.has(key); i++) key = `${base}${letters(i)}`;
    taken.add(key);
    const fields: [string, string][] = [['title', `{${escapeLatex(p.title)}}`]];
    if (p.authors.length > 0) fields.push(['author', p.authors.map(escapeLatex).join(' and ')]);
    const year = (validDay(p.publishedAt) ?? validDay(p.day) ?? '').slice(0, 4);
    if (/^\d{4}$/.test(year)) fields.push(['year', year]);
    if (p.id) fields.push(['eprint', escapeLatex(p.id)], ['archivePrefix', 'arXiv']);
    const url = bibtexUrl(p.arxivUrl) ?? bibtexUrl(p.url);
    if (url) fields.push(['url', url]);
    yield `@misc{${key},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n\n`;
  }
}
