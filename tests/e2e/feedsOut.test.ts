import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { TODAY } from '../helpers/clock.js';
import { useHarness } from '../helpers/harness.js';
import { runIn } from '../helpers/inProcess.js';
import { hfItem, type FakeHf } from '../helpers/server.js';
import { xmllint } from '../helpers/xmllint.js';

const today = TODAY;
let server: FakeHf;
let env: NodeJS.ProcessEnv;
useHarness((h) => ({ server, env } = h));

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => ['entry', 'item'].includes(n) });
const HOSTILE = 'Evil \x1b]8;;https://x.test\x07title\x1b]8;;\x07 \x01\x0b\u202e & <b>';

describe('--format atom and rss on list commands', () => {
  it('papers today --format atom: a well-formed Atom feed naming the day, one entry per paper in rank order', async () => {
    server.days.set(today, [hfItem('2611.00001', today, 5), hfItem('2611.00002', today, 9, 0, HOSTILE)]);
    const r = await runIn(['today', '--format', 'atom'], env);
    expect(r.code).toBe(0);
    expect(xmllint(r.stdout)).toBe('');
    const feed = parser.parse(r.stdout).feed;
    expect(feed.title).toBe(`Hugging Face Daily Papers — ${today}`);
    expect(feed.id).toBe(`https://huggingface.co/papers/date/${today}`);
    expect(feed.entry.map((e: { id: string }) => e.id)).toEqual(['https://huggingface.co/papers/2611.00002', 'https://huggingface.co/papers/2611.00001']);
    expect(feed.entry[0].title).toBe('Evil title   & <b>');
    expect(feed.entry[0].published).toBe(`${today}T00:00:00.000Z`);
  });

  it('papers search --format rss: an RSS channel titled by the search, honouring --limit', async () => {
    server.days.set(today, [
      hfItem('2611.00001', today, 5, 0, 'Diffusion one'),
      hfItem('2611.00002', today, 9, 0, 'Diffusion two'),
      hfItem('2611.00003', today, 1, 0, 'Other'),
    ]);
    const r = await runIn(['search', 'diffusion', '--format', 'rss', '-n', '1'], env);
    expect(r.code).toBe(0);
    expect(xmllint(r.stdout)).toBe('');
    const channel = parser.parse(r.stdout).rss.channel;
    expect(channel.title).toBe('search: diffusion');
    expect(channel.link).toBe('https://huggingface.co/papers?q=diffusion');
    expect(channel.item.map((i: { title: string }) => i.title)).toEqual(['Diffusion two']);
  });

  it('an empty list is still a valid feed, with the empty note on stderr', async () => {
    server.days.set('2026-11-21', []);
    const r = await runIn(['day', '2026-11-21', '--format', 'atom'], env);
    expect(r.code).toBe(0);
    expect(xmllint(r.stdout)).toBe('');
    expect(r.stderr).toMatch(/no papers on 2026-11-21/);
  });

  it('saved --format rss names the reading list; --fields does not apply to feeds', async () => {
    const r = await runIn(['saved', '--format', 'rss'], env);
    expect(r.code).toBe(0);
    expect(parser.parse(r.stdout).rss.channel.title).toBe('papers saved');
    const bad = await runIn(['saved', '--format', 'atom', '--fields', 'id'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--fields applies to table, json, jsonl, tsv, csv, not to atom/);
  });
});
