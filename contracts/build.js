#!/usr/bin/env node
// Compiles the bridge contracts with the solc-js version pinned in
// package-lock.json (standard JSON, optimizer on with 200 runs, evmVersion
// cancun) and writes one artifact per contract: abi, bytecode and
// deployedBytecode as pretty, stable JSON.
//
//   node build.js [--out DIR]
//
// src/*.sol  -> DIR/artifacts/<Contract>.json       (production)
// test/*.sol -> DIR/test/artifacts/<Contract>.json  (test-only, compiled apart)
//
// DIR defaults to this directory; check.sh builds into a temporary one and
// compares. The output depends only on the sources, the settings below and
// the compiler: no timestamps, no absolute paths, sorted keys.
'use strict';

const fs = require('fs');
const path = require('path');
const solc = require('solc');

const HERE = __dirname;
const PINNED = require('./package.json').devDependencies.solc;

// Every setting that affects the bytecode is here. bytecodeHash "none" leaves
// the metadata hash out of the bytecode, so editing a comment does not change
// KizunaToken's creation code, whose hash fixes every token address (CREATE2).
const SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
  metadata: { bytecodeHash: 'none' },
  outputSelection: {
    '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] },
  },
};

function parseArgs(argv) {
  let out = HERE;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out' && i + 1 < argv.length) {
      out = path.resolve(argv[++i]);
    } else {
      throw new Error(`usage: node build.js [--out DIR] (unexpected ${argv[i]})`);
    }
  }
  return out;
}

function solFiles(dir) {
  return fs
    .readdirSync(path.join(HERE, dir))
    .filter((f) => f.endsWith('.sol'))
    .sort()
    .map((f) => `${dir}/${f}`);
}

// Resolves imports relative to this directory only: the contracts import
// nothing from outside it.
function findImports(importPath) {
  const full = path.join(HERE, importPath);
  if (!full.startsWith(HERE + path.sep) || !fs.existsSync(full)) {
    return { error: `import not found inside contracts/: ${importPath}` };
  }
  return { contents: fs.readFileSync(full, 'utf8') };
}

function compile(files) {
  const sources = {};
  for (const f of files) {
    sources[f] = { content: fs.readFileSync(path.join(HERE, f), 'utf8') };
  }
  const input = { language: 'Solidity', sources, settings: SETTINGS };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
  const problems = (output.errors || []).filter((e) => e.type !== 'Info');
  for (const e of problems) {
    process.stderr.write(`${e.formattedMessage || e.message}\n`);
  }
  // Warnings fail the build too: they are cheap to fix and easy to miss.
  if (problems.length > 0) {
    throw new Error(`solc reported ${problems.length} error(s) or warning(s)`);
  }
  return output.contracts;
}

function writeArtifacts(contracts, files, outDir, version) {
  fs.mkdirSync(outDir, { recursive: true });
  // Start from an empty set so a removed contract leaves no stale artifact.
  for (const f of fs.readdirSync(outDir)) {
    if (f.endsWith('.json')) fs.rmSync(path.join(outDir, f));
  }
  const written = [];
  for (const file of files) {
    for (const name of Object.keys(contracts[file] || {}).sort()) {
      const c = contracts[file][name];
      if (!c.evm.bytecode.object) continue; // interfaces and abstract contracts
      const artifact = {
        contractName: name,
        sourceName: file,
        compiler: `solc-js ${version}`,
        settings: { optimizer: SETTINGS.optimizer, evmVersion: SETTINGS.evmVersion, metadata: SETTINGS.metadata },
        abi: c.abi,
        bytecode: `0x${c.evm.bytecode.object}`,
        deployedBytecode: `0x${c.evm.deployedBytecode.object}`,
      };
      if (written.includes(name)) throw new Error(`two contracts named ${name}`);
      fs.writeFileSync(path.join(outDir, `${name}.json`), `${JSON.stringify(artifact, null, 2)}\n`);
      written.push(name);
    }
  }
  return written;
}

function main() {
  const out = parseArgs(process.argv.slice(2));
  const version = solc.version();
  if (!version.startsWith(`${PINNED}+`)) {
    throw new Error(`solc-js ${version} is installed but package.json pins ${PINNED}: run npm ci in contracts/`);
  }
  for (const [srcDir, artifactDir] of [
    ['src', 'artifacts'],
    ['test', 'test/artifacts'],
  ]) {
    const files = solFiles(srcDir);
    const names = writeArtifacts(compile(files), files, path.join(out, artifactDir), version);
    process.stdout.write(`${srcDir}/ -> ${path.relative(process.cwd(), path.join(out, artifactDir)) || '.'}: ${names.join(', ')}\n`);
  }
}

try {
  main();
} catch (err) {
  process.stderr.write(`build.js: ${err.message}\n`);
  process.exit(1);
}
