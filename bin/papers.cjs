#!/usr/bin/env node
'use strict';
// Loads the bundled CLI with a V8 code cache beside it, so that Node does not compile the bundle
// again at every start (about 7 ms, a sixth of Node's own start). The cache is written after the
// first run (and again whenever V8 rejects it, e.g. after an update); without it, or when dist/ is
// not writable, this is an ordinary require.
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const Module = require('module');

const file = path.join(__dirname, '..', 'dist', 'cli.cjs');
const cacheFile = `${file}.cache`;
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
if (cachedData === undefined || script.cachedDataRejected) {
  process.once('exit', () => {
    const temp = `${cacheFile}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(temp, script.createCachedData());
      fs.renameSync(temp, cacheFile);
    } catch {
      try {
        fs.rmSync(temp, { force: true });
      } catch {
        // nothing to clean
      }
    }
  });
}
const module_ = { exports: {}, filename: file, id: file };
script.runInThisContext()(module_.exports, Module.createRequire(file), module_, file, path.dirname(file));
