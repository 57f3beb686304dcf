#!/usr/bin/env node
'use strict';
// Loads the bundled CLI, and the vendor bundles it requires, with a V8 code cache beside each
// (dist/cli.cjs.cache, dist/vendor/ink.cjs.cache, ...), so that Node does not compile them again at
// every start. A bundle's cache is written the first time it is loaded (at exit, with the functions
// the run compiled), and again whenever it is missing or not taken; when dist/ is not writable,
// nothing is written and each bundle is compiled as by an ordinary require.
//
// A cache is never trusted blindly. V8 only checks that it was made by the same V8 with the same flags
// for a source of the same length: so each cache starts with a line naming the bundle's file as it was
// (inode, size, modification and change times) and is ignored when the file is not that one any more.
// A vendor bundle's cache is also checksummed by V8 (--verify-snapshot-checksum: a corrupt cache would
// crash it); the entry's is not, as the flag needs node:v8, ~1.5 ms that a cache hit does not pay.
//
// A cache records V8's flags when it is made, and a run with other flags refuses it. So the first
// vendor bundle sets the flags for the rest of the run: the checksum, and the WebAssembly flags
// src/cli/shell.ts sets before a request (node:v8, as the bundles require it, goes through setFlags
// too, and the same flags again change nothing). The caches still to write for the flags before a
// change (the entry's) are made just before it.
const fs = require('fs');
const path = require('path');
const vm = require('vm');
// The class of this very module is Node's Module (require('module') is the same class, but loading that
// public module also loads the ES module loader and source maps: ~0.6 ms at every start).
const Module = module.constructor;

const dist = path.join(__dirname, '..', 'dist');
// PAPERS_DEBUG=1: an ordinary require with Node's source maps on, so that stack frames name src/*.ts
// lines (dist/cli.cjs.map); Node 20 reads no source map for a vm.Script. Other runs do not pay for it.
// The entry is one function expression, the module wrapper (scripts/build.mjs): here it is called
// with the arguments Node's own wrapper gives it.
if (process.env.PAPERS_DEBUG === '1') {
  process.setSourceMapsEnabled(true);
  const file = path.join(dist, 'cli.cjs');
  const entry = new Module(file, module);
  entry.filename = file;
  entry.paths = Module._nodeModulePaths(dist);
  // Assigned, not called in place: whatever follows the function in the file cannot turn the call into
  // something else. The first line is the wrapper's own, so the source map's lines still hold.
  entry._compile(`module.exports = ${fs.readFileSync(file, 'utf8')}`, file);
  const wrapped = entry.exports;
  if (typeof wrapped !== 'function') notTheBundle(file);
  entry.exports = {};
  wrapped.call(entry.exports, entry.exports, Module.createRequire(file), entry, file, dist);
  return;
}
/** A dist/cli.cjs that does not evaluate to the wrapper function the build makes: one line, exit 1, no stack. */
function notTheBundle(file) {
  process.stderr.write(`papers: ${file} is not the bundle papers' build makes (changed by hand?)\nhint: reinstall papers\n`);
  process.exit(1);
}
const VENDOR_FLAGS = '--verify-snapshot-checksum --no-wasm-dynamic-tiering --no-wasm-tier-up';
/** Caches to write at exit: the bundles whose cache was missing or rejected. */
const stale = [];
let v8;
let vendorFlagsSet = false;

/** Changes V8's flags, once the caches still to write for the flags before are made. */
function setFlags(flags) {
  for (const entry of stale) entry.data ??= entry.script.createCachedData();
  v8 ??= require('v8');
  v8.setFlagsFromString(flags);
}

// The line is padded to a multiple of 8 bytes, so that the cache's data starts 8-byte aligned in the
// buffer it is read into: V8 copies cached data that is not pointer-aligned before deserialising it
// (another 180 KB to touch at every start).
const stamp = (fd) => {
  const s = fs.fstatSync(fd);
  const line = `papers-code-cache ${s.ino} ${s.size} ${s.mtimeMs} ${s.ctimeMs}`;
  return `${line.padEnd(Math.ceil((line.length + 1) / 8) * 8 - 1)}\n`;
};

function readCache(cacheFile, key) {
  try {
    const bytes = fs.readFileSync(cacheFile);
    return bytes.toString('latin1', 0, key.length) === key ? bytes.subarray(key.length) : undefined;
  } catch {
    return undefined;
  }
}

function writeCaches() {
  for (const { script, data, cacheFile, key } of stale) {
    const temp = `${cacheFile}.${process.pid}.tmp`;
    let fd;
    try {
      // Opened before the cache is made: an unwritable dist/ costs no serialising.
      fd = fs.openSync(temp, 'wx');
      fs.writeSync(fd, key, null, 'latin1');
      fs.writeSync(fd, data ?? script.createCachedData());
      fs.closeSync(fd);
      fd = undefined;
      fs.renameSync(temp, cacheFile);
    } catch {
      try {
        if (fd !== undefined) fs.closeSync(fd);
        fs.rmSync(temp, { force: true });
      } catch {
        // nothing to clean
      }
    }
  }
}

/** A bundle under dist/, required once (as Node's require would: in require.cache), from its code cache when it has one. */
function load(file, parent) {
  const known = Module._cache[file];
  if (known !== undefined) return known.exports;
  if (!vendorFlagsSet && path.dirname(file) !== dist) {
    vendorFlagsSet = true;
    setFlags(VENDOR_FLAGS);
  }
  const fd = fs.openSync(file, 'r');
  let source, key;
  try {
    key = stamp(fd);
    source = fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
  const cacheFile = `${file}.cache`;
  const cachedData = readCache(cacheFile, key);
  // The entry comes wrapped already (scripts/build.mjs); a vendor bundle is wrapped as require would.
  const script = new vm.Script(parent === module ? source : Module.wrap(source), { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    if (stale.length === 0) process.once('exit', writeCaches);
    stale.push({ script, data: undefined, cacheFile, key });
  }
  const dir = path.dirname(file);
  const module_ = new Module(file, parent);
  module_.filename = file;
  module_.paths = Module._nodeModulePaths(dir);
  Module._cache[file] = module_;
  try {
    const wrapped = script.runInThisContext();
    // The entry is the wrapper function itself (scripts/build.mjs): anything else is a changed file.
    if (typeof wrapped !== 'function') notTheBundle(file);
    wrapped(module_.exports, requireFrom(module_), module_, file, dir);
  } catch (error) {
    delete Module._cache[file];
    throw error;
  }
  module_.loaded = true;
  return module_.exports;
}

/**
 * The require a bundle is given: the other bundles (`./vendor/ink.cjs`, ink's `./react.cjs`) through
 * load(), node:v8 with setFlags for its setFlagsFromString, all else as usual.
 */
function requireFrom(module_) {
  const base = Module.createRequire(module_.filename);
  const dir = path.dirname(module_.filename);
  const require_ = (id) => {
    if (id === 'node:v8' || id === 'v8') return { ...(v8 ??= require('v8')), setFlagsFromString: setFlags };
    if (id.endsWith('.cjs') && (id.startsWith('./') || id.startsWith('../'))) {
      const file = path.resolve(dir, id);
      if (file.startsWith(dist + path.sep)) return load(file, module_);
    }
    return base(id);
  };
  return Object.assign(require_, { resolve: base.resolve, cache: base.cache, main: base.main });
}

load(path.join(dist, 'cli.cjs'), module);
