import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { papersFromHfList } from '../../src/core/hf.js';
import { sortPapers } from '../../src/core/rank.js';

// The real API responses kept beside the project (CI has them); skipped where the folder is absent.
const SAMPLES = new URL('../../../shared/samples/', import.meta.url);
const have = existsSync(SAMPLES);

function sample(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, SAMPLES), 'utf8'));
}

type RawItem = { paper: { id: string; upvotes: number; submittedOnDailyAt: string; title: string }; numComments: number; title: string };

describe.skipIf(!have)('conformance with ../shared/samples (Hugging Face daily lists)', () => {
  for (const [name, count] of [
    ['hf_daily_papers_2026-08-18.json', 29],
    ['hf_daily_papers_limit30_captured-2026-08-02.json', 30],
  ] as const) {
    it(`${name}: every paper, with upvotes, comments and day exactly as the source says`, () => {
      const raw = sample(name) as RawItem[];
      const { papers, skipped } = papersFromHfList(raw, name);
      expect(skipped).toBe(0);
      expect(papers).toHaveLength(count);
      expect(new Set(papers.map((p) => p.id)).size).toBe(count);
      raw.forEach((item, i) => {
        const p = papers[i]!;
        expect(p.id).toBe(item.paper.id);
        expect(p.upvotes).toBe(item.paper.upvotes);
        expect(p.comments).toBe(item.numComments);
        expect(p.day).toBe(item.paper.submittedOnDailyAt.slice(0, 10));
        expect(p.title).toBe(item.title.replace(/\s+/g, ' ').trim());
        expect(p.source).toBe('hf');
      });
    });
  }

  it('the dated list keeps its upvote order under our ranking', () => {
    const raw = sample('hf_daily_papers_2026-08-18.json') as RawItem[];
    const ranked = sortPapers(papersFromHfList(raw, 'x').papers).map((p) => p.upvotes);
    expect(ranked).toEqual(raw.map((i) => i.paper.upvotes).sort((a, b) => b - a));
  });

  it('reads the optional fields where the sample has them', () => {
    const { papers } = papersFromHfList(sample('hf_daily_papers_2026-08-18.json'), 'x');
    const first = papers[0]!;
    expect(first).toMatchObject({ id: '2608.15265', upvotes: 39, githubStars: 24, organization: 'Tencent', submitter: 'Yansong NING (@yasNing)' });
    expect(papers.every((p) => typeof p.submitter === 'string')).toBe(true);
    expect(first.keywords.length).toBeGreaterThan(0);
    expect(first.aiSummary).toMatch(/^A unified framework/);
    expect(papers.every((p) => p.day === '2026-08-18')).toBe(true);
    const latest = papersFromHfList(sample('hf_daily_papers_limit30_captured-2026-08-02.json'), 'x').papers;
    expect(latest.every((p) => p.day === '2026-07-31')).toBe(true);
  });
});
