// `npm test`: build, typecheck, lint, security scan, unit tests, browser tests; one total line.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const reports = join(root, '.reports')
mkdirSync(reports, { recursive: true })
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

const totals = { passed: 0, failed: 0, skipped: 0 }
const failures = []

function run(label, cmd, args) {
  process.stdout.write(`\n=== ${label}: ${cmd} ${args.join(' ')}\n`)
  const started = Date.now()
  // npm and npx are .cmd shims on Windows, which Node spawns only through a shell.
  const result = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
    shell: process.platform === 'win32'
  })
  const ok = result.status === 0
  process.stdout.write(
    `=== ${label}: ${ok ? 'ok' : `FAILED (exit ${result.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`
  )
  return ok
}

function check(label, cmd, args) {
  const ok = run(label, cmd, args)
  if (ok) totals.passed++
  else {
    totals.failed++
    failures.push(label)
  }
  return ok
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

const built = check('build', npm, ['run', 'build'])
check('typecheck (node)', npm, ['run', 'typecheck:node'])
check('typecheck (web)', npm, ['run', 'typecheck:web'])
check('lint', npm, ['run', 'lint'])
check('security scan', npm, ['run', 'security'])

const vitestReport = join(reports, 'vitest.json')
rmSync(vitestReport, { force: true })
const unitOk = run('unit tests', npx, [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${vitestReport}`
])
const unit = readJson(vitestReport)
if (unit) {
  totals.passed += unit.numPassedTests
  totals.failed += unit.numFailedTests
  totals.skipped += unit.numPendingTests + (unit.numTodoTests ?? 0)
  if (unit.numFailedTests > 0) failures.push(`unit tests (${unit.numFailedTests})`)
}
if (!unitOk && (!unit || unit.numFailedTests === 0)) {
  totals.failed++
  failures.push('unit tests (runner error)')
}

if (built) {
  const e2eReport = join(reports, 'playwright.json')
  rmSync(e2eReport, { force: true })
  const e2eOk = run('browser tests', npx, ['playwright', 'test'])
  const e2e = readJson(e2eReport)
  if (e2e) {
    totals.passed += e2e.stats.expected + (e2e.stats.flaky ?? 0)
    totals.failed += e2e.stats.unexpected
    totals.skipped += e2e.stats.skipped
    if (e2e.stats.unexpected > 0) failures.push(`browser tests (${e2e.stats.unexpected})`)
  }
  if (!e2eOk && (!e2e || e2e.stats.unexpected === 0)) {
    totals.failed++
    failures.push('browser tests (runner error)')
  }
} else {
  totals.failed++
  failures.push('browser tests (not run: the build failed)')
}

const line = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`
writeFileSync(join(reports, 'totals.txt'), `${line}\n`)
if (failures.length) process.stdout.write(`\nFailed: ${failures.join('; ')}\n`)
process.stdout.write(`\n${line}\n`)
process.exit(totals.failed === 0 && existsSync(vitestReport) ? 0 : 1)
