import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { copyFits, isRenderCopy, RENDER_FORMAT, renderStamp, type RenderCopy } from '../../src/core/renderCopy.js';
import { renderFullText } from '../../src/ui/fullText.js';
import { fixture } from '../helpers/papers.js';
import { HOSTILE_SGR } from '../helpers/security.js';

const text = { fetchedAt: 1_700_000_000_000, markdown: '# A paper\n\nProse.\n' };
const stamp = renderStamp('1.2.3', text, 100, 3);
const copy = (over: Partial<RenderCopy> = {}): RenderCopy => ({ ...stamp, text: '\x1b[1mA paper\x1b[22m\n\nProse.\n', ...over });

describe('renderStamp and copyFits', () => {
  it('stamps the text (fetch time, length), the terminal (width, colour) and the format (papers version, render format)', () => {
    expect(stamp).toEqual({ fetchedAt: text.fetchedAt, length: text.markdown.length, width: 100, colorLevel: 3, format: `1.2.3/${RENDER_FORMAT}` });
    expect(copyFits(copy(), stamp)).toBe(true);
  });

  it('a copy fits only when every part is equal: a refreshed text, another width, colour or papers renders again', () => {
    const others = [
      renderStamp('1.2.3', { ...text, fetchedAt: text.fetchedAt + 1 }, 100, 3),
      renderStamp('1.2.3', { ...text, markdown: `${text.markdown}more` }, 100, 3),
      renderStamp('1.2.3', text, 99, 3),
      renderStamp('1.2.3', text, 100, 2),
      renderStamp('1.2.3', text, 100, 0),
      renderStamp('1.2.4', text, 100, 3),
    ];
    for (const other of others) expect(copyFits(copy(), other), JSON.stringify(other)).toBe(false);
  });
});

describe('isRenderCopy: only what papers writes reaches the terminal', () => {
  it('takes a copy of colour and printable text (wide characters too)', () => {
    expect(isRenderCopy(copy())).toBe(true);
    expect(isRenderCopy(copy({ colorLevel: 0, text: 'Plain │ table │ 表\n' }))).toBe(true);
  });

  it('refuses any escape but colour, any control but the line break, bidi controls and tabs', () => {
    for (const hostile of [
      '\x1b]8;;https://evil.example\x07click\x1b]8;;\x07',
      'clear\x1b[2J\x1b[H',
      'title\x1b]0;owned\x07',
      'paste\x1b]52;c;ZWNobyBoaQ==\x07',
      'csi\x9b31m',
      'cr\roverwrite',
      'bell\x07',
      'bidi\u202eevil',
      'tab\there',
      'lone escape \x1b',
    ]) {
      expect(isRenderCopy(copy({ text: hostile })), JSON.stringify(hostile)).toBe(false);
    }
  });

  it('refuses colour in a copy made without colour', () => {
    expect(isRenderCopy(copy({ colorLevel: 0 }))).toBe(false);
  });

  it('refuses anything of another shape', () => {
    const bad: unknown[] = [
      null,
      'text',
      [],
      { ...copy(), text: 1 },
      { ...copy(), width: -1 },
      { ...copy(), width: 1.5 },
      { ...copy(), colorLevel: 4 },
      { ...copy(), fetchedAt: 1e300 },
      { ...copy(), length: '3' },
      { ...copy(), format: 1 },
      (({ text: _t, ...rest }) => rest)(copy()),
    ];
    for (const b of bad) expect(isRenderCopy(b), JSON.stringify(b)).toBe(false);
  });
});

describe('isRenderCopy: only the colours papers writes, all ended by the end', () => {
  // @colors/colors draws cli-table3's tables: its colour is off here (stdout is no terminal), on in a terminal.
  const tableColours = createRequire(createRequire(import.meta.url).resolve('cli-table3'))('@colors/colors/safe') as { enabled: boolean };

  it("takes papers' own renders of the fixtures, at every colour level and every width from 30 to 150", async () => {
    const refused: string[] = [];
    let tables = 0;
    const was = tableColours.enabled;
    tableColours.enabled = true;
    try {
      for (const name of ['paper.md', 'hostile.md', 'styles.md']) {
        const markdown = fixture(`fulltext/${name}`);
        for (const level of [0, 1, 2, 3] as const) {
          for (let width = 30; width <= 150; width++) {
            const rendered = await renderFullText(markdown, width, level);
            if (rendered.includes('\x1b[31m')) tables++;
            if (!isRenderCopy({ ...renderStamp('1.2.3', { fetchedAt: 1, markdown }, width, level), text: rendered })) refused.push(`${name} ${level} ${width}`);
          }
        }
      }
    } finally {
      tableColours.enabled = was;
    }
    expect(refused).toEqual([]);
    expect(tables).toBe(2 * 3 * 121); // paper.md's and styles.md's tables, their head red: every colour a terminal gets
  });

  it('takes colour ended one by one or all at once by a reset', () => {
    for (const text of ['\x1b[1m\x1b[2mb\x1b[22m\n', '\x1b[90m\x1b[3mq\x1b[23m\x1b[39m\n', '\x1b[0m\x1b[1m\x1b[33m\x1b[4mx\x1b[0m\n', 'x\x1b[39m\x1b[0m\n']) {
      expect(isRenderCopy(copy({ text })), JSON.stringify(text)).toBe(true);
    }
  });

  it('refuses any other SGR (black on black, concealed, blinking, several parameters, huge ones) and colour left on at the end', () => {
    for (const level of [1, 2, 3] as const) {
      for (const hostile of HOSTILE_SGR) expect(isRenderCopy(copy({ colorLevel: level, text: hostile })), JSON.stringify(hostile)).toBe(false);
    }
  });

  it('refuses a 60 MB sequence', () => {
    expect(isRenderCopy(copy({ text: `\x1b[${'0;'.repeat(30_000_000)}0mx\x1b[0m\n` }))).toBe(false);
  });
});
