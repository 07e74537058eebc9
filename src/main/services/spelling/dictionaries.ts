import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { ArticleLanguage } from '../../../shared/article'
import { CopydeskError } from '../../../shared/result'
import type { DictionaryFiles } from './spellEngine'

/**
 * The npm packages that hold each language's Hunspell dictionary, first choice first.
 * `dictionary-en-us` 3.x is an empty deprecation stub pointing at `dictionary-en`, so en-US
 * takes `dictionary-en` when installed and an older `dictionary-en-us` (2.x, with files) else.
 */
export const DICTIONARY_PACKAGES: Readonly<Record<ArticleLanguage, readonly string[]>> = {
  de: ['dictionary-de'],
  'de-AT': ['dictionary-de-at'],
  'de-CH': ['dictionary-de-ch'],
  'en-GB': ['dictionary-en-gb'],
  'en-US': ['dictionary-en', 'dictionary-en-us']
}

/** A dictionary found on disk, with the package it came from. */
export interface ResolvedDictionary extends DictionaryFiles {
  packageName: string
  /** The package folder, which also holds its `license` file. */
  dir: string
}

// Resolved at run time from this file's location: after bundling that is out/main or out/cli,
// whose node_modules lookup reaches the app's own node_modules. The dictionaries are read from
// there as separate files and never bundled into any JavaScript.
function nodeRequire(): NodeJS.Require {
  return createRequire(typeof __filename === 'string' ? __filename : join(process.cwd(), 'x.js'))
}

function packageDir(name: string): string | null {
  const req = nodeRequire()
  for (const entry of [name, `${name}/package.json`]) {
    try {
      return dirname(req.resolve(entry))
    } catch {
      // The package's `exports` may hide one of the two entries, or it is not installed.
    }
  }
  return null
}

/** Finds the .aff and .dic files for a language; a clear not-found error names the packages. */
export function resolveDictionary(language: ArticleLanguage): ResolvedDictionary {
  const candidates = DICTIONARY_PACKAGES[language]
  if (!candidates) {
    throw new CopydeskError('invalid-input', `No spelling dictionary for language "${language}"`)
  }
  for (const packageName of candidates) {
    const dir = packageDir(packageName)
    if (!dir) continue
    const aff = join(dir, 'index.aff')
    const dic = join(dir, 'index.dic')
    if (existsSync(aff) && existsSync(dic)) return { packageName, dir, aff, dic }
  }
  throw new CopydeskError(
    'not-found',
    `The ${language} spelling dictionary is not installed: none of ${candidates.join(', ')} ` +
      `has index.aff and index.dic in node_modules (install ${candidates[0]})`
  )
}

/** The absolute path of hunspell-asm's CommonJS entry, for the worker thread to require. */
export function resolveHunspellAsm(): string {
  try {
    return nodeRequire().resolve('hunspell-asm')
  } catch (error) {
    throw new CopydeskError(
      'not-found',
      `The spelling engine hunspell-asm is not installed: ${(error as Error).message}`
    )
  }
}
