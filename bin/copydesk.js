#!/usr/bin/env node
'use strict'
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const built = join(__dirname, '..', 'out', 'cli', 'index.js')
if (!existsSync(built)) {
  process.stderr.write('copydesk: the CLI is not built yet; run `npm run build` first\n')
  process.exit(5)
}
require(built)
