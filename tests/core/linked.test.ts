import { describe, expect, it } from 'vitest';
import { isRepoId, linkedFromHf, unknownLinked } from '../../src/core/linked.js';
import { fixture } from '../helpers/papers.js';

const item = JSON.parse(fixture('hf/paper-linked.json'));

describe('linkedFromHf', () => {
  it('reads models, datasets and Spaces with likes, downloads and their Hugging Face URLs', () => {
    const linked = linkedFromHf(item);
    expect(linked.linkedModels.map((m) => m.id)).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => `lattice-lab/lattice-${i}b`));
    expect(linked.linkedModels[0]).toEqual({ id: 'lattice-lab/lattice-1b', likes: 10, downloads: 1000, url: 'https://huggingface.co/lattice-lab/lattice-1b' });
    expect(linked.linkedDatasets).toEqual([{ id: 'ada/grid-set', likes: 2, downloads: 108, url: 'https://huggingface.co/datasets/ada/grid-set' }]);
    expect(linked.linkedSpaces).toEqual([{ id: 'demo', likes: 0, downloads: null, url: 'https://huggingface.co/spaces/demo' }]);
    expect([linked.numTotalModels, linked.numTotalDatasets, linked.numTotalSpaces]).toEqual([42, 1, 1]);
  });

  it('drops entries whose id could not safely become a URL path', () => {
    const ids = linkedFromHf(item).linkedModels.map((m) => m.id);
    for (const bad of ['../../etc/passwd', 'a/b/c', 'x?y=1#z']) expect(ids).not.toContain(bad);
    expect(ids.some((id) => id.includes('\x1b'))).toBe(false);
  });

  it('is empty with null totals when the paper object has no such fields, and reads its own cached copy back', () => {
    expect(linkedFromHf({ id: '2611.00001', title: 'x' })).toEqual(unknownLinked());
    expect(linkedFromHf(null)).toEqual(unknownLinked());
    const once = linkedFromHf(item);
    expect(linkedFromHf(JSON.parse(JSON.stringify(once)))).toEqual(once);
  });

  it('reads the real sample shape', () => {
    const linked = linkedFromHf({
      linkedDatasets: [{ author: 'W', downloads: 108, id: 'W/in-context-grid-reasoning', likes: 1, private: false }],
      numTotalDatasets: 1,
      linkedModels: [],
      numTotalModels: 0,
    });
    expect(linked.linkedDatasets[0]!.url).toBe('https://huggingface.co/datasets/W/in-context-grid-reasoning');
    expect(linked.numTotalModels).toBe(0);
    expect(linked.numTotalSpaces).toBeNull();
  });
});

describe('isRepoId', () => {
  it('takes owner/name and bare names, nothing that climbs, queries or escapes', () => {
    for (const ok of ['gpt2', 'openai/whisper-large-v3', 'a.b_c-d/E.F', 'x/y']) expect(isRepoId(ok), ok).toBe(true);
    for (const bad of ['', '/x', 'x/', '..', 'a/../b', 'a/b/c', '-x', 'x-', 'a--b', 'a b', 'a%2Fb', 'a?b', 'a#b', 'é/x', `a/${'b'.repeat(97)}`]) {
      expect(isRepoId(bad), bad).toBe(false);
    }
  });
});
