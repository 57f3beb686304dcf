import React, { useEffect, useMemo, useRef, useState } from 'react';
import { Box, Text, useInput, useStdout } from 'ink';
import { truncate } from '../../render/text.js';
import { detailLines, fullTextLines } from './detailView.js';
import { useReaderState } from './effects.js';
import { helpLines } from './helpView.js';
import { commandFor, splitKeys } from './keys.js';
import { listHeader, listLines } from './listView.js';
import { plainReader, readerPaint, type ReaderPaint } from './paint.js';
import type { ReaderProps } from './props.js';
import { detailRows, initialState, LIST_CHROME, MIN_COLUMNS, MIN_ROWS, type ReaderState } from './state.js';
import { footerText, statusText } from './statusLine.js';

const h = React.createElement;

/** The terminal's size now; ink's test streams have no rows, so 24 stands in. */
function sizeOf(stdout: NodeJS.WriteStream): { columns: number; rows: number } {
  return { columns: stdout.columns || 80, rows: stdout.rows || 24 };
}

/** Exactly `rows` lines, each its own ink line that is cut, never wrapped. */
function screen(lines: readonly string[], rows: number): React.ReactElement {
  const filled = Array.from({ length: rows }, (_, i) => lines[i] ?? '');
  return h(Box, { flexDirection: 'column', height: rows }, ...filled.map((line, i) => h(Text, { key: i, wrap: 'truncate-end' }, line === '' ? ' ' : line)));
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
  const paint = useMemo(() => (props.colorLevel ? readerPaint(props.colorLevel) : plainReader), [props.colorLevel]);
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

  if (s.columns < MIN_COLUMNS || s.rows < MIN_ROWS) {
    return screen([truncate(`terminal too small: ${MIN_COLUMNS}×${MIN_ROWS} at least, this is ${s.columns}×${s.rows}`, s.columns)], s.rows);
  }
  const statusLine = statusText(status, frame, s.columns, paint, s.view === 'list' && s.filtering ? s.filter : null);
  if (s.view === 'list') {
    const rows = listLines(s, fx.facts, paint);
    const fill = Array.from({ length: s.rows - LIST_CHROME - rows.length }, () => '');
    return screen([listHeader(s, fx.facts, paint), ...rows, ...fill, statusLine, footerText('list', s.columns, paint, { days: Boolean(props.onDay) })], s.rows);
  }
  const lines = body(s);
  const height = detailRows(s);
  const scroll = Math.min(s.scroll, Math.max(0, lines.length - height));
  const visible = lines.slice(scroll, scroll + height);
  const fill = Array.from({ length: height - visible.length }, () => '');
  const position = s.view === 'detail' && lines.length > height ? `${scroll + 1}–${scroll + visible.length}/${lines.length}` : undefined;
  const footer = footerText(s.view, s.columns, paint, { days: false, ...(position ? { position } : {}) });
  return screen([...visible, ...fill, statusLine, footer], s.rows);
}
