import { homedir } from 'node:os'
import { CopydeskError, exitCodeFor } from '../shared/result'
import { openServices, type Services } from '../main/services'
import { resolveLibraryDir } from '../main/services/libraryLocation'
import { terminalSafe, type CliIo } from './cliIo'
import { commands } from './commands'

export const VERSION = '0.1.0'

const HELP = `copydesk — the Copydesk newsroom library from the command line

Usage: copydesk [--library DIR] <command> [options] [--json]

Commands:
  new [--kicker T] [--headline T] [--teaser T] [--byline NAME]... [--dateline PLACE]
      [--date ISO-8601] [--language TAG] [--body-file FILE]
                      create a draft; prints its id (--json: the article). The body file
                      is .txt (blank lines between paragraphs), .md or .html (cleaned
                      like a paste: structure, bold, italic, links, lists kept)
  list                the drafts, newest change first (--json: array of summaries)
  show ID             one article (--json: the article with effective image values)
  update ID [--kicker T] [--headline T] [--teaser T] [--byline NAME]... [--dateline PLACE]
      [--date ISO-8601] [--language TAG] [--status S] [--append-body-file FILE]
                      change an article's fields; prints its id (--json: what show --json
                      prints). Fields not given stay; "" clears one; --byline replaces the
                      whole list (--byline "" empties it); --status draft|editing|ready|
                      exported; --dateline sets the place (the source stays);
                      --append-body-file adds a body file's blocks (as new --body-file reads
                      them) after the text. Exit 2 no option or a bad value (nothing is
                      written), 3 unknown or trashed id, 4 while the app has the library
                      open (for now: writing beside the app comes with collaborative articles)
  delete ID           move an article (and its history) to the trash
  history ID          its kept versions: version id, time, word count (--json: an array)
  trash [--empty]     the trash (--json: an array); --empty deletes its articles for good
  restore ID          bring an article back from the trash (exit 4 if its id is in use)
  search QUERY... [--status S] [--limit N]
                      full-text search over headline, kicker, teaser, bylines, captions and
                      body; case and umlauts folded (munchen, muenchen find München), every
                      word a prefix, all words needed; best match first
  attach ID FILE... [--lead | --gallery] [--gallery-name NAME]
                      import image files (reading their IPTC/XMP) and attach them: --lead
                      sets the lead image (one file), --gallery appends to the first gallery,
                      --gallery-name to the gallery of that name (made if needed); without
                      these, import only. Prints "<file>: <assetId>" per file (errors to
                      stderr); exit 1 when any file failed
  assets [--missing credit|caption|alt]... [--unused] [--search TEXT]
                      the image assets with their metadata and where they are used
  asset ASSET_ID [--caption T] [--credit T] [--photographer T] [--source T]
      [--copyright T] [--usage-terms T] [--alt T] [--focal X,Y]
                      one photo's desk fields, focal point and the values its file carried;
                      the options change them ("" clears; --focal 0.42,0.31 is a fraction of
                      width and height from the top left). --json: as in assets, plus focal
                      and fromFile. Exit 2 bad value, 3 unknown asset, 4 app holds library
  words [--add WORD]... [--add-like WORD=MODEL]... [--remove WORD]...
                      the newsroom word list (names, places) that spelling accepts in every
                      language (German: a name's genitive -s too); --add-like gives the word
                      the affix rules of a dictionary word (Wladiwostok=Hamburg: Wladiwostoks
                      passes), exit 2 when no dictionary has MODEL; prints the list after
                      the changes (--json: an array)
  check ID            the copy desk's checklist (preflight, spelling, location kept): one line
                      per finding (--json: an array of findings; spelling: one per word
                      with count and places), messages in German when LANG starts with
                      "de"; exit 1 when any finding is an error
  export ID --out FILE.zip [--force] [--overwrite] [--correction TEXT]
                      write the article's package (ninjs, NewsML-G2, HTML, images, manifest;
                      JPEGs without location/device data). Preflight errors: the findings on
                      stderr, exit 1, no file (--force exports anyway); an existing FILE:
                      exit 4 unless --overwrite. Published versions count 1, 2, 3: an
                      unchanged story repeats its version (a resend), a change or a public
                      --correction note makes the next; exit 4 while the story is withdrawn
  kill ID --notice TEXT [--reason TEXT] --out FILE.zip [--overwrite]
                      withdraw the story: a kill package (a new version, pubStatus canceled,
                      the notice as its only text, no images); --reason stays internal.
                      Further exports exit 4 until reinstate
  reinstate ID        allow exports again after a kill (the next is a new version); exit 4
                      when the story is not withdrawn
  versions ID         the published versions: version, kind (first, update, correction,
                      kill, resend), time, pubStatus, file (--json: an array of
                      {version, kind, exportedAt, file, pubStatus})
  import-package FILE.zip [--as-update | --as-new]
                      bring a package in; prints its id (--json: the article). A story the
                      library does not hold keeps the package's id and published versions;
                      for one it holds, --as-update makes the package's content and versions
                      the story's, --as-new imports a new story (new id), else exit 4.
                      Unsafe or altered packages are refused (exit 5)

Global options:
  --library DIR       the library folder (else $COPYDESK_LIBRARY, else the app's default)
  --json              machine-readable output on stdout; errors as {"error":{code,message}}
  --help, --version

Exit codes: 0 ok, 1 findings or partial failure, 2 usage error, 3 not found,
4 conflict or library locked, 5 corrupt data or I/O error.
While the app has the library open, read commands (list, show, history, trash, search)
work and commands that change it exit 4 naming the app's pid and host.
`

interface Globals {
  library?: string
  json: boolean
  help: boolean
  version: boolean
  rest: string[]
}

function splitGlobals(argv: string[]): Globals {
  const g: Globals = { json: false, help: false, version: false, rest: [] }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--json') g.json = true
    else if (arg === '--help' || arg === '-h') g.help = true
    else if (arg === '--version') g.version = true
    else if (arg === '--library') {
      const value = argv[++i]
      if (value === undefined || value.startsWith('--')) {
        throw new CopydeskError('invalid-input', '--library needs a folder')
      }
      g.library = value
    } else if (arg.startsWith('--library=')) g.library = arg.slice('--library='.length)
    else g.rest.push(arg)
  }
  return g
}

/**
 * Runs one CLI invocation and returns its exit code; never calls process.exit. Everything it
 * writes has its control characters escaped (headlines, file and ZIP entry names, messages).
 */
export async function runCli(argv: string[], streams: CliIo): Promise<number> {
  const io = terminalSafe(streams)
  let json = argv.includes('--json')
  const opened: { services: Services | null } = { services: null }
  let said: string | null = null
  try {
    const g = splitGlobals(argv)
    json = g.json
    if (g.version) {
      io.out(VERSION)
      return 0
    }
    const [name, ...args] = g.rest
    if (g.help || !name) {
      ;(name || g.help ? io.out : io.err)(HELP)
      return name || g.help ? 0 : 2
    }
    const command = commands[name]
    if (!command) {
      throw new CopydeskError('invalid-input', `unknown command "${name}" (see copydesk --help)`)
    }
    const libraryDir = resolveLibraryDir(g.library, {
      platform: process.platform,
      env: io.env,
      homedir: homedir()
    })
    return await command(args, {
      io,
      json,
      services: async (access = 'write') => {
        opened.services ??= await openServices({
          libraryDir,
          version: VERSION,
          systemLocale: io.env.LANG ?? 'en',
          access: access === 'read' ? 'cli-read' : 'cli-write'
        })
        return opened.services
      }
    })
  } catch (error) {
    const e =
      error instanceof CopydeskError
        ? error
        : new CopydeskError('internal', error instanceof Error ? error.message : String(error))
    if (json) io.out(JSON.stringify({ error: { code: e.code, message: e.message } }))
    io.err(`copydesk: ${e.message}`)
    said = e.message
    return exitCodeFor(e.code)
  } finally {
    // Damaged files the library found (quarantined, restored, lost): always said, on stderr.
    for (const p of opened.services?.articles.problems() ?? []) {
      if (p.message !== said) io.err(`copydesk: ${p.message}`)
    }
    // What interrupted exports and imports had left, cleaned up on opening: said once, on stderr.
    for (const note of opened.services?.leftovers ?? []) io.err(`copydesk: ${note.message}`)
    await opened.services?.close()
  }
}
