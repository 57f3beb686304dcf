import { nyDay } from '../../src/core/dates.js';

/**
 * The clock of every in-process run unless a test gives its own: a fixed instant, so that "today"
 * in a test (TODAY) is the CLI's today too, whenever the suite runs (a run that crosses midnight in
 * New York cannot fail).
 */
export const NOW = new Date('2026-11-25T17:00:00Z');
/** The New York date of NOW: what `papers today` calls today in an in-process run. */
export const TODAY = nyDay(NOW);
