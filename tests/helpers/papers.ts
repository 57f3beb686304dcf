import { readFileSync } from 'node:fs';
import { papersFromHfList } from '../../src/core/hf.js';
import { linksFor, type Paper } from '../../src/core/paper.js';

/** Reads a fixture file of the project. */
export function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
}

/** The papers of the HF quirks fixture, normalised. */
export function quirkPapers(): Paper[] {
  return papersFromHfList(JSON.parse(fixture('hf/daily-quirks.json')), 'fixture').papers;
}

/** A synthetic paper with the given fields. */
export function makePaper(id: string, extra: Partial<Paper> = {}): Paper {
  return {
    id,
    title: `Paper ${id}`,
    summary: null,
    authors: [],
    authorCount: 0,
    publishedAt: null,
    day: null,
    upvotes: 0,
    comments: 0,
    githubRepo: null,
    githubStars: null,
    projectPage: null,
    aiSummary: null,
    keywords: [],
    organization: null,
    ...linksFor(id),
    source: 'hf',
    ...extra,
  };
}
