import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isoWeekOf } from '../../src/core/period.js';

/** A synthetic HF daily item in the API's shape. */
export function hfItem(id: string, day: string, upvotes: number, comments = 0, title = `Paper ${id}`): Record<string, unknown> {
  return {
    paper: {
      id,
      authors: [{ _id: `${id}-a`, name: `Author of ${id}`, hidden: false }],
      publishedAt: `${day}T00:00:00.000Z`,
      submittedOnDailyAt: `${day}T00:00:00.000Z`,
      title,
      summary: `Abstract of ${id}.`,
      upvotes,
      discussionId: `${id}-d`,
    },
    publishedAt: `${day}T00:00:00.000Z`,
    title,
    summary: `Abstract of ${id}.`,
    numComments: comments,
  };
}

/** `n` items for a day with ids `YYMM.NNNNN` and varied upvotes (some ties). */
export function dayItems(day: string, n: number, seed = 0): Record<string, unknown>[] {
  const yymm = day.slice(2, 4) + day.slice(5, 7);
  return Array.from({ length: n }, (_, i) => hfItem(`${yymm}.${String(10000 + seed * 1000 + i).padStart(5, '0')}`, day, (i * 37 + seed) % 50, i % 4));
}

const ORGS = [
  { name: 'lattice-lab', fullname: 'Lattice Lab' },
  { name: 'deepthought', fullname: 'Deep Thought Institute' },
];

/**
 * Each weekday from `first` through `last` gets its own `n` papers (weekends none): ids `YYMM.DD0NN`,
 * authors `Ada <day>` and `Bo <i>`, organizations alternating (handle and display name differ), every
 * third paper with code, upvotes 10·i + day.
 */
export function weekdayDays(first: string, last: string, n = 3): Map<string, Record<string, unknown>[]> {
  const days = new Map<string, Record<string, unknown>[]>();
  for (let t = Date.parse(`${first}T12:00:00Z`); t <= Date.parse(`${last}T12:00:00Z`); t += 86_400_000) {
    const d = new Date(t);
    const day = d.toISOString().slice(0, 10);
    if (d.getUTCDay() === 0 || d.getUTCDay() === 6) continue;
    const yymm = day.slice(2, 4) + day.slice(5, 7);
    days.set(
      day,
      Array.from({ length: n }, (_, i) => {
        const item = hfItem(
          `${yymm}.${day.slice(8)}0${String(i).padStart(2, '0')}`,
          day,
          10 * i + Number(day.slice(8)),
          i,
          `Paper ${i} of ${day}${i === 0 ? ' on agents' : ''}`,
        );
        const paper = item.paper as Record<string, unknown>;
        paper.authors = [{ name: `Ada ${day}` }, { name: `Bo ${i}` }];
        if (i % 3 === 0) paper.githubRepo = `https://github.com/example/r${i}`;
        item.organization = ORGS[i % 2];
        return item;
      }),
    );
  }
  return days;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | void | Promise<boolean | void>;

/**
 * A local Hugging Face API: `/api/daily_papers` with date, limit and p, and the no-date latest
 * batch; `fault` runs first and may answer instead (errors, HTML, cut and slow bodies).
 */
export class FakeHf {
  days = new Map<string, unknown[]>();
  /** `/api/papers/{id}` answers: flat paper objects. */
  papers = new Map<string, unknown>();
  /** arXiv `/api/query?id_list=` answers: Atom XML per id (the same server plays both APIs). */
  arxiv = new Map<string, string>();
  requests: string[] = [];
  fault: Handler | undefined;
  /** Milliseconds every answer waits, so that concurrent requests overlap. */
  delay = 0;
  inFlight = 0;
  maxInFlight = 0;
  #server: Server;

  constructor() {
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  /** Back to an empty, well-behaved server, for the next test. */
  reset(): void {
    this.days.clear();
    this.papers.clear();
    this.arxiv.clear();
    this.requests = [];
    this.fault = undefined;
    this.delay = 0;
    this.inFlight = 0;
    this.maxInFlight = 0;
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    this.requests.push(`${url.pathname}${url.search}`);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    res.on('close', () => this.inFlight--);
    try {
      if (this.delay > 0) await new Promise((r) => setTimeout(r, this.delay));
      if (this.fault && (await this.fault(req, res, url)) !== false) return;
      if (url.pathname === '/api/daily_papers') return this.#daily(res, url);
      if (url.pathname === '/api/papers/search') {
        const q = (url.searchParams.get('q') ?? '').toLowerCase();
        const all = [...this.days.values()].flat() as { title: string }[];
        return json(
          res,
          200,
          all.filter((item) => item.title.toLowerCase().includes(q)).map((item) => ({ ...item, highlightedTitle: [{ type: 'text', text: item.title }] })),
        );
      }
      if (url.pathname.startsWith('/api/papers/')) {
        const paper = this.papers.get(decodeURIComponent(url.pathname.slice('/api/papers/'.length)));
        return paper ? json(res, 200, paper) : json(res, 404, { error: 'Paper not found' });
      }
      if (url.pathname === '/api/query') {
        const xml = this.arxiv.get(url.searchParams.get('id_list') ?? '') ?? atomFeed('');
        res.writeHead(200, { 'content-type': 'application/atom+xml' });
        return void res.end(xml);
      }
      json(res, 404, { error: 'Not Found' });
    } catch (error) {
      res.destroy(error as Error);
    }
  }

  #daily(res: ServerResponse, url: URL): void {
    const limit = Number(url.searchParams.get('limit') ?? 50);
    const page = Number(url.searchParams.get('p') ?? 0);
    const date = url.searchParams.get('date');
    const week = url.searchParams.get('week');
    const month = url.searchParams.get('month');
    let items: unknown[];
    if (week) {
      const m = /^(\d{4})-W(\d{2})$/.exec(week);
      if (!m || Number(m[2]) > 52) return json(res, 400, { error: 'Invalid week' });
      items = [...this.days.entries()]
        .filter(([d]) => {
          const w = isoWeekOf(d);
          return w.year === Number(m[1]) && w.week === Number(m[2]);
        })
        .flatMap(([, v]) => v);
    } else if (month) {
      items = [...this.days.entries()].filter(([d]) => d.startsWith(`${month}-`)).flatMap(([, v]) => v);
    } else if (date) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return json(res, 400, { error: 'Invalid date' });
      items = this.days.get(date) ?? [];
    } else {
      const latest = [...this.days.entries()]
        .filter(([, v]) => v.length > 0)
        .map(([d]) => d)
        .sort()
        .at(-1);
      items = latest ? [...(this.days.get(latest) ?? [])].reverse() : [];
    }
    json(res, 200, items.slice(page * limit, (page + 1) * limit));
  }
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** An arXiv export API feed around the given entries. */
export function atomFeed(entries: string): string {
  return `<?xml version='1.0' encoding='UTF-8'?>\n<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom"><id>x</id><title>q</title>${entries}</feed>`;
}

/** One arXiv Atom entry. */
export function atomEntry(id: string, title: string, summary: string, authors: string[]): string {
  const who = authors.map((a) => `<author><name>${a}</name></author>`).join('');
  return `<entry><id>http://arxiv.org/abs/${id}v1</id><published>2026-01-02T00:00:00Z</published><title>${title}</title><summary>${summary}</summary>${who}<link title="pdf" href="https://arxiv.org/pdf/${id}v1" rel="related" type="application/pdf"/></entry>`;
}
