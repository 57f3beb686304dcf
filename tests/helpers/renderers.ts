import { loadTable } from '../../src/render/table.js';
import { loadTextWidth } from '../../src/render/text.js';
import { loadChalk } from '../../src/ui/chalkPaint.js';

/**
 * Loads the packages the renderers measure and colour with, as the CLI does before it draws
 * (src/core/lazy.ts): a test that calls a renderer directly awaits this in its beforeAll.
 */
export async function loadRenderers(): Promise<void> {
  await Promise.all([loadTable(), loadTextWidth(), loadChalk()]);
}
