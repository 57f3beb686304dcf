// Writes man/papers.1 from the command table; run by the build (bundled by esbuild, then executed).
import { mkdirSync, writeFileSync } from 'node:fs';
import { COMMANDS, GLOBAL_OPTIONS } from '../src/cli/table.js';
import { LOCAL_LIST_OPTIONS } from '../src/cli/options.js';
import { MAN_FACTS } from '../src/render/manFacts.js';
import { manPage } from '../src/render/man.js';

const [, , out, version, date] = process.argv;
mkdirSync(out!.replace(/\/[^/]+$/, ''), { recursive: true });
writeFileSync(out!, manPage(COMMANDS, GLOBAL_OPTIONS, LOCAL_LIST_OPTIONS, { ...MAN_FACTS, version: version!, date: date! }));
