// Makes @tufjs/models read and write a targets map in linear time. Its Targets.fromJSON/toJSON build the map with an
// object spread per entry (`reduce((acc, …) => ({ ...acc, … }))`), which copies the map once per target: a targets
// file of 8,000 entries takes ~18 s to parse, 100,000 never finishes. Both functions are rewritten to a plain loop
// with the same result (same keys, same order). Run from `postinstall` on every installed copy; running it again
// changes nothing. When a copy holds neither the code this expects nor its own rewrite (an upgrade changed it), it
// stops with the file's name, so the change is looked at instead of silently shipping the slow version.
//
// Usage: node scripts/patch-tufjs-models.mjs [project folder]   (default: the folder above scripts/)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MARK = '/* linear: scripts/patch-tufjs-models.mjs */';

const rewrites = [
  {
    what: 'targetsToJSON',
    original: `function targetsToJSON(targets) {
    return Object.entries(targets).reduce((acc, [path, target]) => ({
        ...acc,
        [path]: target.toJSON(),
    }), {});
}`,
    patched: `function targetsToJSON(targets) {
    ${MARK}
    const json = {};
    for (const [path, target] of Object.entries(targets)) defineEntry(json, path, target.toJSON());
    return json;
}
// An own property even for the name "__proto__", as the object literal it replaces made.
function defineEntry(object, key, value) {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}`,
  },
  {
    what: 'targetsFromJSON',
    original: `            targets = Object.entries(data).reduce((acc, [path, target]) => ({
                ...acc,
                [path]: file_1.TargetFile.fromJSON(path, target),
            }), {});`,
    patched: `            ${MARK}
            targets = {};
            for (const [path, target] of Object.entries(data)) defineEntry(targets, path, file_1.TargetFile.fromJSON(path, target));`,
  },
];

/** The patched text of one copy of dist/targets.js; throws with a plain reason when the text is not one it knows. */
export function patchTargetsSource(text, file) {
  let result = text;
  for (const { what, original, patched } of rewrites) {
    if (result.includes(patched)) continue;
    const at = result.indexOf(original);
    if (at < 0 || result.indexOf(original, at + 1) >= 0) {
      throw new Error(
        `${file}: ${what} is not the code this patch expects, nor already patched. ` +
          `@tufjs/models has changed: check whether it still builds targets maps in quadratic time, ` +
          `then update scripts/patch-tufjs-models.mjs.`,
      );
    }
    result = result.slice(0, at) + patched + result.slice(at + original.length);
  }
  return result;
}

/** Every installed @tufjs/models under `nodeModules`, nested copies included. */
function installedCopies(nodeModules) {
  const found = [];
  const visit = (folder) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      const packages = entry.name.startsWith('@')
        ? readdirSync(join(folder, entry.name), { withFileTypes: true })
            .filter((inner) => inner.isDirectory())
            .map((inner) => join(folder, entry.name, inner.name))
        : [join(folder, entry.name)];
      for (const pkg of packages) {
        if (pkg.endsWith(join('@tufjs', 'models'))) found.push(pkg);
        visit(join(pkg, 'node_modules'));
      }
    }
  };
  visit(nodeModules);
  return found;
}

function main() {
  const project = resolve(process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url)));
  const copies = installedCopies(join(project, 'node_modules'));
  if (copies.length === 0) {
    console.error(`patch-tufjs-models: no @tufjs/models under ${join(project, 'node_modules')}`);
    process.exit(1);
  }
  for (const copy of copies) {
    const file = join(copy, 'dist', 'targets.js');
    if (!existsSync(file)) {
      console.error(`patch-tufjs-models: ${file} is missing; @tufjs/models has changed its layout.`);
      process.exit(1);
    }
    const text = readFileSync(file, 'utf8');
    let patched;
    try {
      patched = patchTargetsSource(text, file);
    } catch (error) {
      console.error(`patch-tufjs-models: ${error.message}`);
      process.exit(1);
    }
    if (patched !== text) {
      writeFileSync(file, patched);
      console.log(`patch-tufjs-models: patched ${file}`);
    }
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
