// `npm run bench [-- NAME...]`: runs the benchmarks in bench/ (all, or those whose file name
// contains one of the NAMEs) one after another; each prints its own figures.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const filters = process.argv.slice(2)
const benches = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .filter((f) => filters.length === 0 || filters.some((name) => f.includes(name)))
  .sort()
if (benches.length === 0) {
  console.error(`bench: nothing matches ${filters.join(', ')}`)
  process.exit(2)
}
let failed = 0
for (const bench of benches) {
  console.log(`\n### ${bench}`)
  const result = spawnSync(process.execPath, ['--import', 'tsx', join('bench', bench)], {
    cwd: root,
    stdio: 'inherit'
  })
  if (result.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
