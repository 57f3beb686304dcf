import { UsageError } from './errors.js';

/** What `papers show|open|save <ref>` points at: an arXiv id, or a row of the last list shown. */
export type Ref = { kind: 'id'; id: string; version: string | null } | { kind: 'row'; row: number };

const REF_FORMS =
  'an arXiv id (2405.13956, 2405.13956v2, arXiv:2405.13956, hep-th/9901001), an arxiv.org or huggingface.co/papers URL, or a row number of the last list';

const NEW_ID = /^(\d{2})(\d{2})\.(\d{4,5})(v\d+)?$/;
const OLD_ID = /^([a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?)\/(\d{7})(v\d+)?$/;
const HOSTS = new Set(['arxiv.org', 'www.arxiv.org', 'export.arxiv.org', 'huggingface.co', 'www.huggingface.co']);

/** Parses an arXiv id, strictly: YYMM.NNNN up to 1412, YYMM.NNNNN from 1501, or archive/YYMMNNN. */
export function parseArxivId(text: string): { id: string; version: string | null } | null {
  const s = text.trim().replace(/^arxiv:/i, '');
  const m = NEW_ID.exec(s);
  if (m) {
    const [, yy, mm, seq, version] = m as unknown as [string, string, string, string, string | undefined];
    const month = Number(mm);
    if (month < 1 || month > 12) return null;
    const yymm = Number(yy + mm);
    if ((seq.length === 4) !== yymm <= 1412 || yymm < 704) return null;
    // The id as typed when it has no version (no new string for the common case).
    return { id: version || s !== text ? `${yy}${mm}.${seq}` : s, version: version ?? null };
  }
  const o = OLD_ID.exec(s);
  if (o) {
    const month = Number(o[2]!.slice(2, 4));
    if (month < 1 || month > 12) return null;
    return { id: `${o[1]}/${o[2]}`, version: o[3] ?? null };
  }
  return null;
}

const BARE_NEW_ID = /^\d{4}\.\d{4,5}$/;

/**
 * Whether `text` is exactly an id as parseArxivId gives it (no prefix, version or spaces): the check of
 * every id read back from a file. A cached month or a year of marks holds thousands, so a new-style
 * id is checked by its digits, without the strings parseArxivId builds; anything else goes to it.
 */
export function isArxivId(text: string): boolean {
  if (!BARE_NEW_ID.test(text)) return parseArxivId(text)?.id === text;
  const digit = (i: number) => text.charCodeAt(i) - 48;
  const month = digit(2) * 10 + digit(3);
  const yymm = (digit(0) * 10 + digit(1)) * 100 + month;
  return month >= 1 && month <= 12 && yymm >= 704 && (text.length === 9) === yymm <= 1412;
}

/** The id in an arxiv.org (abs, pdf, html) or huggingface.co/papers URL. */
function idFromUrl(text: string): { id: string; version: string | null } | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (!HOSTS.has(url.hostname) || !/^https?:$/.test(url.protocol)) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    // Malformed percent-encoding (`%E0%A4%A`): not a paper's URL, so a usage error like any other.
    return null;
  }
  const m = /^\/(?:abs|pdf|html|papers)\/(.+?)(?:\.pdf)?\/?$/.exec(path);
  return m ? parseArxivId(m[1]!) : null;
}

/** Reads a ref as the user typed it; anything else is a usage error listing the accepted forms. */
export function parseRef(text: string): Ref {
  const s = text.trim();
  if (/^\d{1,6}$/.test(s)) {
    const row = Number(s);
    if (row < 1) throw new UsageError(`row numbers start at 1, not ${s}`);
    return { kind: 'row', row };
  }
  const found = /^https?:\/\//i.test(s) ? idFromUrl(s) : parseArxivId(s);
  if (!found) throw new UsageError(`not a paper reference: '${text}'`, `use ${REF_FORMS}`);
  return { kind: 'id', ...found };
}
