import type { Tokens } from 'marked';
import { cleanMarkdown, htmlAsText, keepColourOnly, PROSE_WIDTH, TABLE_STYLE, wrapRendered } from '../render/fullText.js';
import { loadTextWidth } from '../render/text.js';
import { loadChalk, markdownStyles } from './chalkPaint.js';

type InlineParser = { parser: { parseInline(tokens: Tokens.Generic[]): string } };

/**
 * `papers show --full` on a terminal: the paper's markdown rendered by marked and marked-terminal
 * (this module is their one importer, and loads them only for `--full` on a terminal), prose at most ~100
 * columns, the whole within the terminal width. Feed text is cleaned before parsing, links and images
 * are shown as text (never OSC 8), raw HTML as its text, and only colour escapes survive in what is printed.
 */
export async function renderFullText(markdown: string, width: number, colorLevel: 0 | 1 | 2 | 3): Promise<string> {
  const [{ Marked }, { markedTerminal }] = await Promise.all([import('marked'), import('marked-terminal'), loadChalk(), loadTextWidth()]);
  const style = markdownStyles(colorLevel);
  const prose = Math.max(20, Math.min(width, PROSE_WIDTH));
  const href = style.href;
  const marked = new Marked(
    markedTerminal({
      width: prose,
      reflowText: true,
      emoji: false,
      tab: 2,
      showSectionPrefix: false,
      // cli-table3's own colours, named where the check of a rendered copy can see them.
      tableOptions: { style: { head: [...TABLE_STYLE.head], border: [...TABLE_STYLE.border] } },
      ...style,
      image: (url: string, _title: string, text: string) => style.dim(`[image${text ? `: ${text}` : ''}] `) + href(url),
    }),
    {
      renderer: {
        // Links as text, always: marked-terminal would write OSC 8 hyperlinks where it thinks the terminal takes them.
        link(this: InlineParser, token: Tokens.Link) {
          const text = this.parser.parseInline(token.tokens);
          return text === token.href || text === '' ? href(token.href) : `${text} (${href(token.href)})`;
        },
        html(token: Tokens.HTML | Tokens.Tag) {
          if ('block' in token && token.block) return `${style.html(htmlAsText(token.text).trim())}\n\n`;
          // An inline <br> is a hard break, which marked-terminal's reflow knows as a carriage return.
          return /^<br\s*\/?>$/i.test(token.text.trim()) ? '\r' : style.html(htmlAsText(token.text));
        },
        // Code in one colour, indented: marked-terminal's syntax highlighting (highlight.js, 1 MB) is left out of the build.
        code(token: Tokens.Code) {
          return `${token.text
            .split('\n')
            .map((line) => `  ${style.code(line)}`)
            .join('\n')}\n\n`;
        },
        // A tight list item's text carries inline tokens (code, emphasis) that marked-terminal would print raw.
        text(this: InlineParser, token: Tokens.Text | Tokens.Escape) {
          return 'tokens' in token && token.tokens ? this.parser.parseInline(token.tokens) : false;
        },
      },
    },
  );
  const rendered = await marked.parse(cleanMarkdown(markdown));
  return `${wrapRendered(keepColourOnly(rendered, colorLevel > 0), Math.max(20, width), prose)
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
