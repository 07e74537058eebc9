#!/usr/bin/env node
// Electron security scan: runs @doyensec/electronegativity over the main, preload and renderer
// sources and fails on any finding above LOW that security-allowlist.json does not excuse.
//
//   node scripts/security-scan.mjs                     scans src/main, src/preload, src/renderer
//   node scripts/security-scan.mjs --input src/main/window [--input ...]
//   options: --allowlist <file>  --csv <file>  --electron-version <x.y.z>
//
// Exit 0: nothing failing. Exit 1: failing findings (a HIGH always fails). Exit 2: the scan
// itself could not be trusted (bad allowlist, unparsable source, incomplete CSV).
//
// Why it works the way it does:
// - Electronegativity always exits 0; with `-o` it prints nothing, not even the files it failed to
//   parse; and its CSV writer issues the header and the rows as two un-awaited writes, which was
//   seen to overwrite the first finding with the header. So it runs through its JavaScript API,
//   which returns findings and parse errors, and this script writes the CSV itself.
// - Sources are copied to .reports/ first (tests left out, they do not ship) so that one run
//   covers every folder and reports repo-relative paths.
// - `eng-disable` comments in the copies are neutralised: the allowlist, reviewed in one place,
//   is the only way to excuse a finding, and a HIGH can never be excused.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)

const DEFAULT_INPUTS = ['src/main', 'src/preload', 'src/renderer']
const SCANNED_EXTENSIONS = /\.(?:[cm]?[jt]sx?|html?)$/i
const TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/i
const SEVERITY_RANK = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 }
const FAIL_ABOVE = SEVERITY_RANK.LOW
const CSV_COLUMNS = [
  'issue',
  'severity',
  'confidence',
  'filename',
  'location',
  'sample',
  'description',
  'url'
]

class ScanError extends Error {}

function parseArgs(argv) {
  const args = {
    inputs: [],
    allowlist: join(root, 'security-allowlist.json'),
    csv: join(root, '.reports', 'electronegativity.csv'),
    electronVersion: null
  }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const value = argv[i + 1]
    if (
      !['--input', '--allowlist', '--csv', '--electron-version'].includes(flag) ||
      value === undefined
    ) {
      throw new ScanError(`Unknown or incomplete option: ${flag}`)
    }
    i++
    if (flag === '--input') args.inputs.push(value)
    if (flag === '--allowlist') args.allowlist = resolve(value)
    if (flag === '--csv') args.csv = resolve(value)
    if (flag === '--electron-version') args.electronVersion = value
  }
  return args
}

function electronVersion(explicit) {
  if (explicit) return explicit
  try {
    return require('electron/package.json').version
  } catch {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    const range = pkg.devDependencies?.electron ?? pkg.dependencies?.electron
    if (typeof range !== 'string')
      throw new ScanError('Cannot tell which Electron version to check against')
    return range.replace(/^[^\d]*/, '')
  }
}

function loadAllowlist(file) {
  if (!existsSync(file)) return []
  let entries
  try {
    entries = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new ScanError(`${relative(root, file)} is not valid JSON: ${error.message}`)
  }
  if (!Array.isArray(entries)) throw new ScanError(`${relative(root, file)} must be a JSON array`)
  return entries.map((entry, index) => {
    const where = `${relative(root, file)}[${index}]`
    if (typeof entry !== 'object' || entry === null)
      throw new ScanError(`${where} must be an object`)
    const extra = Object.keys(entry).filter((key) => !['check', 'file', 'reason'].includes(key))
    if (extra.length > 0) throw new ScanError(`${where} has unknown keys: ${extra.join(', ')}`)
    for (const key of ['check', 'file', 'reason']) {
      if (typeof entry[key] !== 'string' || entry[key].trim() === '') {
        throw new ScanError(`${where}.${key} must be a non-empty string`)
      }
    }
    if (entry.reason.trim().length < 20)
      throw new ScanError(`${where}.reason must say why in a sentence`)
    return {
      check: entry.check.trim().toUpperCase(),
      file: entry.file.trim(),
      reason: entry.reason.trim(),
      used: 0
    }
  })
}

// `*` matches within one path segment and `**` across segments; a pattern without a star
// matches any path that contains it.
function fileMatches(pattern, file) {
  if (!pattern.includes('*')) return file.includes(pattern)
  const source = pattern
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*')
    )
    .join('.*')
  return new RegExp(`^${source}$`).test(file)
}

function listFiles(dir) {
  const files = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory() && entry.name !== 'node_modules') files.push(...listFiles(path))
    else if (entry.isFile() && SCANNED_EXTENSIONS.test(entry.name)) files.push(path)
  }
  return files
}

function stageSources(inputs, stageDir) {
  rmSync(stageDir, { recursive: true, force: true })
  mkdirSync(stageDir, { recursive: true })
  const staged = []
  let neutralised = 0
  for (const input of inputs) {
    const absolute = resolve(root, input)
    if (relative(root, absolute).startsWith('..'))
      throw new ScanError(`${input} is outside the repository`)
    if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
      console.log(`skip ${input}: no such folder`)
      continue
    }
    const files = listFiles(absolute).filter((file) => !TEST_FILE.test(file))
    if (files.length === 0) {
      console.log(`skip ${input}: nothing to scan yet`)
      continue
    }
    for (const file of files) {
      const target = join(stageDir, relative(root, file))
      mkdirSync(dirname(target), { recursive: true })
      const text = readFileSync(file, 'utf8')
      // Same length, so the line and column of every finding stay right.
      const defused = text.replace(/eng-disable/gi, () => {
        neutralised++
        return 'eng-ignored'
      })
      writeFileSync(target, defused)
    }
    staged.push(`${input} (${files.length} files)`)
  }
  return { staged, neutralised }
}

function toFinding(issue) {
  return {
    issue: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    filename: issue.file.split(sep).join('/'),
    location: `${issue.location.line}:${issue.location.column}`,
    sample: issue.sample ?? 'N/A',
    description: issue.description ?? '',
    url: `https://github.com/doyensec/electronegativity/wiki/${issue.id}`
  }
}

function csvCell(value) {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

// The tool's own columns plus the verdict, written in one go (temp file, then rename).
function writeCsv(file, findings) {
  const lines = [[...CSV_COLUMNS, 'status'].join(',')]
  for (const finding of findings) {
    lines.push([...CSV_COLUMNS.map((name) => finding[name]), finding.status].map(csvCell).join(','))
  }
  mkdirSync(dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, `${lines.join('\n')}\n`)
  renameSync(temp, file)
}

function classify(finding, allowlist) {
  const rank = SEVERITY_RANK[finding.severity]
  if (rank === undefined)
    throw new ScanError(`Unknown severity ${finding.severity} for ${finding.issue}`)
  const entry = allowlist.find(
    (candidate) =>
      candidate.check === finding.issue && fileMatches(candidate.file, finding.filename)
  )
  if (rank <= FAIL_ABOVE) return { status: 'info', entry: null }
  if (entry && finding.severity === 'HIGH') {
    entry.used++
    return { status: 'FAIL', entry, note: 'HIGH findings can never be allowlisted' }
  }
  if (entry) {
    entry.used++
    return { status: 'allowed', entry }
  }
  return { status: 'FAIL', entry: null }
}

function truncate(text, width) {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat
}

function printTable(rows) {
  const headers = ['status', 'severity', 'confidence', 'check', 'where', 'sample']
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => row[column].length))
  )
  const line = (cells) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd()
  console.log(line(headers))
  console.log(line(widths.map((width) => '-'.repeat(width))))
  for (const row of rows) console.log(line(row))
}

async function main() {
  const args = parseArgs(process.argv.slice(2))
  const inputs = args.inputs.length > 0 ? args.inputs : DEFAULT_INPUTS
  const allowlist = loadAllowlist(args.allowlist)
  const stageDir = join(root, '.reports', 'security-scan-sources')
  const { staged, neutralised } = stageSources(inputs, stageDir)
  if (staged.length === 0) {
    rmSync(stageDir, { recursive: true, force: true })
    console.log('security: 0 findings, 0 allowed, 0 failing (nothing to scan)')
    return 0
  }
  const version = electronVersion(args.electronVersion)
  console.log(`scanning ${staged.join(', ')} against Electron ${version}`)
  if (neutralised > 0) {
    console.log(
      `note: ${neutralised} eng-disable comment(s) ignored; excuse findings in security-allowlist.json`
    )
  }

  const run = require('@doyensec/electronegativity')
  let result
  try {
    result = await run({
      input: stageDir,
      isRelative: true,
      electronVersionOverride: version,
      parserPlugins: []
    })
  } finally {
    rmSync(stageDir, { recursive: true, force: true })
  }

  const broken = result.errors.filter((error) => !error.tolerable)
  for (const error of result.errors) {
    const kind = error.tolerable ? 'warning' : 'error'
    console.log(
      `${kind}: could not fully parse ${relative(stageDir, error.file)}: ${error.message}`
    )
  }

  const findings = result.issues.map(toFinding)
  const rows = []
  let allowed = 0
  let failing = 0
  for (const finding of findings.sort(
    (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]
  )) {
    const verdict = classify(finding, allowlist)
    if (verdict.status === 'allowed') allowed++
    if (verdict.status === 'FAIL') failing++
    finding.status = verdict.status
    const where = finding.filename === 'N/A' ? 'N/A' : `${finding.filename}:${finding.location}`
    rows.push([
      verdict.status,
      finding.severity,
      finding.confidence,
      finding.issue,
      where,
      truncate(finding.sample === 'N/A' ? finding.description : finding.sample, 60)
    ])
    if (verdict.note)
      console.log(
        `${finding.issue} in ${where}: ${verdict.note} (allowlist reason ignored: ${verdict.entry.reason})`
      )
  }

  if (rows.length > 0) printTable(rows)
  writeCsv(args.csv, findings)
  console.log(`CSV: ${relative(root, args.csv)}`)
  for (const entry of allowlist.filter((candidate) => candidate.used === 0)) {
    console.log(
      `warning: allowlist entry ${entry.check} for "${entry.file}" matched nothing; remove it if it is stale`
    )
  }
  if (broken.length > 0) {
    console.log(`security: ${broken.length} file(s) could not be parsed, so they were not checked`)
  }
  console.log(`security: ${findings.length} findings, ${allowed} allowed, ${failing} failing`)
  if (broken.length > 0) return 2
  return failing > 0 ? 1 : 0
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error) => {
    console.error(error instanceof ScanError ? `security: ${error.message}` : error)
    process.exitCode = 2
  }
)
