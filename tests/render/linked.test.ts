import { beforeAll, describe, expect, it } from 'vitest';
import { loadRenderers } from '../helpers/renderers.js';
import { linkedFromHf, unknownLinked, type Linked } from '../../src/core/linked.js';
import { renderAbstract } from '../../src/render/abstract.js';
import { renderLinked } from '../../src/render/linked.js';
import { plain } from '../../src/render/paint.js';
import { widthOf } from '../../src/render/text.js';
import { fixture, makePaper } from '../helpers/papers.js';

beforeAll(loadRenderers);

const linked = linkedFromHf(JSON.parse(fixture('hf/paper-linked.json')));

describe('renderLinked', () => {
  it('gives each kind its total and the first five, each with its URL on its own line', () => {
    const lines = renderLinked(linked, 80, plain);
    expect(lines[0]).toBe('');
    expect(lines[1]).toBe('Models (42, first 5)');
    expect(lines[2]).toBe('  lattice-lab/lattice-1b  ♥ 10  ↓ 1000');
    expect(lines[3]).toBe('    https://huggingface.co/lattice-lab/lattice-1b');
    expect(lines.filter((l) => l.includes('lattice-lab/lattice-') && !l.includes('https'))).toHaveLength(5);
    expect(lines).not.toContain('  lattice-lab/lattice-6b  ♥ 60  ↓ 6000');
    expect(lines.slice(-6)).toEqual([
      'Datasets (1)',
      '  ada/grid-set  ♥ 2  ↓ 108',
      '    https://huggingface.co/datasets/ada/grid-set',
      'Spaces (1)',
      '  demo  ♥ 0',
      '    https://huggingface.co/spaces/demo',
    ]);
  });

  it('says nothing when nothing is known, and says so when the paper API knows of none', () => {
    expect(renderLinked(unknownLinked(), 80, plain)).toEqual([]);
    const none: Linked = { ...unknownLinked(), numTotalModels: 0, numTotalDatasets: 0, numTotalSpaces: 0 };
    expect(renderLinked(none, 80, plain)).toEqual(['', 'No models, datasets or Spaces on Hugging Face cite it yet.']);
  });

  it('keeps every line but URLs within a narrow width', () => {
    const long: Linked = {
      ...unknownLinked(),
      linkedModels: [{ id: `org/${'m'.repeat(90)}`, likes: 123456, downloads: 9876543, url: 'https://huggingface.co/x' }],
      numTotalModels: 1,
    };
    for (const line of renderLinked(long, 40, plain)) if (!line.includes('https://')) expect(widthOf(line), line).toBeLessThanOrEqual(40);
  });
});

describe('renderAbstract with linked repositories', () => {
  it('lists them after the links, before the AI summary and abstract', () => {
    const paper = makePaper('2611.00950', { summary: 'The abstract.', aiSummary: 'AI says.' });
    const lines = renderAbstract(paper, { width: 80, paint: plain, linked });
    const at = (text: string) => lines.findIndex((l) => l.startsWith(text));
    expect(at('PDF')).toBeLessThan(at('Models (42'));
    expect(at('Spaces (1)')).toBeLessThan(at('AI summary'));
    expect(at('AI summary')).toBeLessThan(at('Abstract'));
    expect(renderAbstract(paper, { width: 80, paint: plain }).some((l) => l.startsWith('Models'))).toBe(false);
  });
});
