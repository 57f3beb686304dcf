import React, { useEffect, useMemo, useRef, useState } from 'react';
import { Box, Text, useInput, useStdout } from 'ink';
import { detailLines, fullTextLines } from './detailView.js';
import { useReaderState } from './effects.js';
import { frameLines, sizeOf } from './frame.js';
import { helpLines } from './helpView.js';
import { commandFor, splitKeys } from './keys.js';
import { readerPaint, type ReaderPaint } from './paint.js';
import type { ReaderProps } from './props.js';
import { initialState, type ReaderState } from './state.js';

const h = React.createElement;

/** The frame's lines, each its own ink line that is cut, never wrapped. */
function screen(lines: readonly string[]): React.ReactElement {
  return h(
    Box,
    { flexDirection: 'column', height: lines.length },
    ...lines.map((line, i) => h(Text, { key: i, wrap: 'truncate-end' }, line === '' ? ' ' : line)),
  );
}

/** The lines of the detail or help view for a state, remembered while the state's paper and width stay. */
function useBody(paint: ReaderPaint, shown: ReturnType<typeof useReaderState>['shown'], fullText: ReturnType<typeof useReaderState>['fullText']) {
  const memo = useRef<{ key: unknown[]; lines: string[] } | null>(null);
  return (s: ReaderState): string[] => {
    if (s.view === 'list') return [];
    const paper = shown(s);
    const text = fullText(s);
    const key = [s.view, s.columns, paper, text];
    if (memo.current && memo.current.key.every((k, i) => k === key[i])) return memo.current.lines;
    let lines: string[] = [];
    if (s.view === 'help') lines = helpLines(s.columns, paint);
    else if (paper) lines = text !== undefined ? fullTextLines(paper, text, s.columns, paint) : detailLines(paper, s.columns, paint);
    memo.current = { key, lines };
    return lines;
  };
}

/** The interactive reader: a list, one paper's detail, and help; data and effects come in as props. */
export function Reader(props: ReaderProps): React.ReactElement {
  const { stdout } = useStdout();
  const paint = useMemo(() => readerPaint(props.colorLevel ?? 0), [props.colorLevel]);
  const fx = useReaderState(props, () => {
    const { columns, rows } = sizeOf(stdout);
    return initialState(props.title, props.papers, columns, rows);
  });
  const body = useBody(paint, fx.shown, fx.fullText);
  const [frame, setFrame] = useState(0);
  const s = fx.state();
  const status = fx.status();

  useEffect(() => {
    // The first paper is under the cursor from the start: seen.
    fx.arrived({ ...s, view: 'help' }, s);
    const resized = () => fx.apply({ type: 'resize', ...sizeOf(stdout) });
    stdout.on('resize', resized);
    return () => void stdout.off('resize', resized);
  }, [stdout]);
  useEffect(() => {
    if (status?.kind !== 'busy') return;
    const timer = setInterval(() => setFrame((f) => f + 1), 80);
    return () => clearInterval(timer);
  }, [status?.kind]);

  useInput((chunk, chunkKey) => {
    for (const [input, key] of splitKeys(chunk, chunkKey)) {
      try {
        const now = fx.state();
        const command = commandFor(now, input, key, body(now).length);
        if (command === null) continue;
        if (command.kind === 'state') fx.apply(command.action);
        else fx.perform(command);
        if (command.kind === 'quit') return;
      } catch (error) {
        // A throwing callback must not take the screen down with it.
        fx.setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
      }
    }
  });

  return screen(frameLines(s, { paint, facts: fx.facts, status, spin: frame, days: Boolean(props.onDay), body }));
}
