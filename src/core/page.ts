import { FeedError } from './errors.js';
import { withoutHfFields, type Paper } from './paper.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DATE_LINE = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2})(?:, (\d{4}))?(?:\s+(\d+))?$/;
// Non-ASCII as \u escapes in regular expression literals: the entry bundle stays ASCII (scripts/build.mjs).
const AUTHORS_LINE = /^\u2022\s*(\d+)\s+authors?$/;
// What a copy of the page carries besides papers: the header, the subscribe box, submitter lines.
const CHROME = [/^new$/i, /^get trending papers/i, /^subscribe$/i, /^daily papers$/i, /^by\s*ak\b/i, /^submitted by\b/i, /^upvote$/i, /^\u00b7$/];

/** True when text looks like a copy of a Hugging Face papers page (its "• N authors" lines). */
export function looksLikePage(text: string): boolean {
  return /^\s*\u2022\s*\d+\s+authors?\s*$/m.test(text);
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A `Mon D` date without a year: in `year`, unless that lies after `notAfter`, then the year before. */
function withYear(month: number, day: number, year: number, notAfter: string): string {
  const date = isoDate(year, month, day);
  return date > notAfter ? isoDate(year - 1, month, day) : date;
}

/**
 * A plain-text copy of a Hugging Face papers page: title, abstract, `• N authors`, `·`, then a date
 * (`Mon D` in the page's year, or `Mon D, YYYY`) with the upvotes after it when above zero.
 * Dates without a year take the page's year (its header date, resolved to the latest such day not
 * after `today`) and never lie after the page's date.
 */
export function papersFromPage(text: string, what: string, today: string): { papers: Paper[]; skipped: number } {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim());
  // The page's own date: the first bare date line before the first paper.
  const firstAuthors = lines.findIndex((l) => AUTHORS_LINE.test(l));
  if (firstAuthors < 0) throw new FeedError(`${what}: not a feed I can read (no "• N authors" lines of a papers page)`);
  let pageDate = today;
  for (const line of lines.slice(0, firstAuthors)) {
    const m = DATE_LINE.exec(line);
    if (m && !m[4]) {
      const month = MONTHS.indexOf(m[1]!);
      pageDate = m[3] ? isoDate(Number(m[3]), month, Number(m[2])) : withYear(month, Number(m[2]), Number(today.slice(0, 4)), today);
      break;
    }
  }
  const pageYear = Number(pageDate.slice(0, 4));

  const papers: Paper[] = [];
  let skipped = 0;
  let block: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const authors = AUTHORS_LINE.exec(line);
    if (!authors) {
      if (line !== '') block.push(line);
      continue;
    }
    // After "• N authors": an optional "·" line, then the date line.
    let j = i + 1;
    while (j < lines.length && (lines[j] === '' || lines[j] === '·')) j++;
    const date = DATE_LINE.exec(lines[j] ?? '');
    // The header's bare date line is chrome too; no title is just "Dec 8".
    const content = block.filter((l) => !CHROME.some((re) => re.test(l)) && !DATE_LINE.test(l));
    block = [];
    if (!date || content.length === 0) {
      skipped++;
      continue;
    }
    i = j;
    const month = MONTHS.indexOf(date[1]!);
    const published = date[3] ? isoDate(Number(date[3]), month, Number(date[2])) : withYear(month, Number(date[2]), pageYear, pageDate);
    const [title, ...abstract] = content;
    papers.push({
      id: null,
      title: title!,
      summary: abstract.length > 0 ? abstract.join('\n\n') : null,
      authors: [],
      authorCount: Number(authors[1]),
      publishedAt: published,
      ...withoutHfFields(),
      upvotes: date[4] ? Number(date[4]) : 0,
      url: null,
      arxivUrl: null,
      pdfUrl: null,
      source: 'page',
    });
  }
  return { papers, skipped };
}
