import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linkedFromHf } from '../../src/core/linked.js';

// The real paper API response kept beside the project; skipped where the folder is absent.
const SAMPLES = new URL('../../../shared/samples/', import.meta.url);
const FILE = new URL('hf_paper_2608.09888.json', SAMPLES);

describe.skipIf(!existsSync(FILE))('conformance with ../shared/samples (linked repositories of a paper)', () => {
  it('reads every linked repository and total exactly as the source says', () => {
    const raw = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, { id: string; likes?: number; downloads?: number }[] | number>;
    const linked = linkedFromHf(raw);
    for (const [list, total, path] of [
      ['linkedModels', 'numTotalModels', ''],
      ['linkedDatasets', 'numTotalDatasets', 'datasets/'],
      ['linkedSpaces', 'numTotalSpaces', 'spaces/'],
    ] as const) {
      const source = raw[list] as { id: string; likes?: number; downloads?: number }[];
      expect(linked[list]).toEqual(
        source.map((r) => ({ id: r.id, likes: r.likes ?? null, downloads: r.downloads ?? null, url: `https://huggingface.co/${path}${r.id}` })),
      );
      expect(linked[total]).toBe(raw[total]);
    }
    expect(linked.linkedDatasets).toHaveLength(1);
  });
});
