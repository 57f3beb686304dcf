import { sanitizeLine } from '../../core/sanitize.js';
import { truncate } from '../../render/text.js';
import type { ReaderPaint } from './paint.js';

/** What the line above the footer says: work in progress, a note, or an error. */
export type Status = { kind: 'busy' | 'note' | 'error'; text: string } | null;

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] as const;

/** The status line; while filtering it is the filter prompt. Error text may quote a feed, so it is sanitised. */
export function statusText(status: Status, frame: number, columns: number, paint: ReaderPaint, filter: string | null): string {
  if (filter !== null) return truncate(`/${sanitizeLine(filter)}▏`, columns);
  if (status === null) return '';
  const text = sanitizeLine(status.text);
  if (status.kind === 'busy') return truncate(`${SPINNER[frame % SPINNER.length]} ${text}`, columns);
  if (status.kind === 'error') return paint.error(truncate(`✗ ${text}`, columns));
  return truncate(text, columns);
}

/** The footer: the main keys of the view, cut to the width. */
export function footerText(view: 'list' | 'detail' | 'help', columns: number, paint: ReaderPaint, extra: { days: boolean; position?: string }): string {
  const keys =
    view === 'list'
      ? ['↑↓ move', 'Enter read', 'o p c h open', 's save', '/ filter', ...(extra.days ? ['[ ] day'] : []), '? help', 'q quit']
      : view === 'detail'
        ? [...(extra.position ? [extra.position] : []), 'Esc back', 'j k Space scroll', 'f full text', 'o p c h open', 's save', 'm mark', '? help']
        : ['Esc back'];
  return paint.dim(truncate(keys.join('  '), columns));
}
