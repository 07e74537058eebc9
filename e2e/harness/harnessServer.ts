import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import {
  apiChannels,
  apiEvents,
  Events,
  type AppEvent,
  type Channel
} from '../../src/shared/channels'
import type { EventPayload } from '../../src/shared/events'
import { createHandlerTable } from '../../src/main/ipc/handlerTable'
import { FlushBroker } from '../../src/main/lifecycle/flushBroker'
import { shutDown, type FlushReport, type FlushTarget } from '../../src/main/lifecycle/shutdown'
import { openServices, type Services } from '../../src/main/services'
import { resolveAssetFile } from '../../src/main/services/assets/assetResolver'
import { contentSecurityPolicy } from '../../src/main/window/csp'

export interface HarnessOptions {
  libraryDir: string
  rendererDir: string
  port?: number
  version?: string
  systemLocale?: string
  historyCoalesceMs?: number
}

export interface Harness {
  url: string
  token: string
  services: Services
  /** Sends an event to every page that listens (as Electron's webContents.send does). */
  emit<E extends AppEvent>(event: E, payload: EventPayload<E>): void
  /** The pages connected to the event stream, as flush targets. */
  pages(): FlushTarget[]
  /**
   * The app's quit sequence: every open page saves (bounded by `timeoutMs`), then the services
   * close and the server stops. Returns what each page answered.
   */
  close(opts?: { timeoutMs?: number }): Promise<FlushReport[]>
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}

/** The bridge the harness injects: the same verbs as the preload, over loopback HTTP. */
function bridgeScript(): string {
  return `(() => {
  const params = new URLSearchParams(location.search)
  const token = params.get('token') || sessionStorage.getItem('copydesk-harness-token') || ''
  sessionStorage.setItem('copydesk-harness-token', token)
  const channels = ${JSON.stringify(apiChannels)}
  const api = {}
  for (const [verb, channel] of Object.entries(channels)) {
    api[verb] = async (input) => {
      try {
        const response = await fetch('/rpc/' + encodeURIComponent(channel), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-copydesk-token': token },
          body: JSON.stringify({ input })
        })
        return await response.json()
      } catch (error) {
        return { ok: false, error: { code: 'io', message: 'The harness did not answer: ' + error } }
      }
    }
  }
  api.assetUrl = (assetId, rendition) =>
    '/asset/' + encodeURIComponent(assetId) + '/' + encodeURIComponent(rendition) +
    '?token=' + encodeURIComponent(token)
  // Events from main arrive as server-sent events on one stream, opened with the first on… verb.
  const events = ${JSON.stringify(apiEvents)}
  const handlers = new Map()
  let source = null
  const listen = () => {
    if (source) return
    source = new EventSource('/events?token=' + encodeURIComponent(token))
    for (const channel of Object.values(events)) {
      source.addEventListener(channel, (message) => {
        let payload
        try { payload = JSON.parse(message.data) } catch { return }
        for (const handler of [...(handlers.get(channel) || [])]) handler(payload)
      })
    }
  }
  for (const [verb, channel] of Object.entries(events)) {
    api[verb] = (handler) => {
      if (typeof handler !== 'function') throw new TypeError(verb + ' needs a function')
      if (!handlers.has(channel)) handlers.set(channel, new Set())
      handlers.get(channel).add(handler)
      listen()
      return () => { handlers.get(channel).delete(handler) }
    }
  }
  Object.defineProperty(window, 'newsroom', { value: Object.freeze(api) })
})()
`
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  let size = 0
  const chunks: Buffer[] = []
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) throw new Error('request body too large')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
  res.end(body)
}

/**
 * Serves the built renderer on 127.0.0.1 and answers its bridge calls with the same handler
 * table Electron registers. Bridge and asset requests need the random token.
 */
export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const services = await openServices({
    libraryDir: opts.libraryDir,
    version: opts.version ?? 'harness',
    systemLocale: opts.systemLocale ?? 'en-GB',
    historyCoalesceMs: opts.historyCoalesceMs
  })
  const flushes = new FlushBroker()
  const table = createHandlerTable(services, undefined, { flushes })
  const streams = new Map<number, ServerResponse>()
  let nextStream = 1
  const token = randomBytes(24).toString('hex')
  const csp = contentSecurityPolicy({ dev: false, assetScheme: 'copydesk-asset' })
  let port = 0
  const html = await readFile(join(opts.rendererDir, 'index.html'), 'utf8')
  const injected = html.replace(
    /<script /,
    '<script src="./__harness/bridge.js"></script>\n    <script '
  )

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
      // Only the loopback address we bound: a page on another origin cannot rebind to us.
      if (req.headers.host !== `127.0.0.1:${port}`)
        return send(res, 421, 'text/plain', 'wrong host')
      res.setHeader('content-security-policy', csp)
      res.setHeader('x-content-type-options', 'nosniff')

      if (url.pathname.startsWith('/rpc/')) {
        if (req.method !== 'POST' || req.headers['x-copydesk-token'] !== token) {
          return send(res, 403, 'text/plain', 'forbidden')
        }
        const channel = decodeURIComponent(url.pathname.slice('/rpc/'.length)) as Channel
        const handler = table.get(channel)
        if (!handler) return send(res, 404, 'text/plain', 'no such channel')
        let input: unknown
        try {
          input = (JSON.parse(await readBody(req, 64 * 1024 * 1024)) as { input?: unknown }).input
        } catch (error) {
          return send(res, 400, 'text/plain', `bad request: ${String(error)}`)
        }
        return send(res, 200, 'application/json', JSON.stringify(await handler(input)))
      }

      if (url.pathname === '/events') {
        if (req.method !== 'GET' || url.searchParams.get('token') !== token) {
          return send(res, 403, 'text/plain', 'forbidden')
        }
        const id = nextStream++
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'keep-alive'
        })
        res.write(': connected\n\n')
        streams.set(id, res)
        req.on('close', () => streams.delete(id))
        return
      }

      if (url.pathname.startsWith('/asset/')) {
        if (url.searchParams.get('token') !== token)
          return send(res, 403, 'text/plain', 'forbidden')
        const parts = url.pathname.slice('/asset/'.length).split('/')
        if (parts.length !== 2) return send(res, 404, 'text/plain', 'not found')
        const file = await resolveAssetFile(
          opts.libraryDir,
          decodeURIComponent(parts[0]),
          decodeURIComponent(parts[1])
        )
        if (!file) return send(res, 404, 'text/plain', 'not found')
        res.writeHead(200, {
          'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'cache-control': 'no-store'
        })
        createReadStream(file).pipe(res)
        return
      }

      if (url.pathname === '/__harness/bridge.js') {
        return send(res, 200, MIME['.js'], bridgeScript())
      }
      if (url.pathname === '/' || url.pathname === '/index.html') {
        return send(res, 200, MIME['.html'], injected)
      }
      const file = normalize(join(opts.rendererDir, decodeURIComponent(url.pathname)))
      if (!file.startsWith(opts.rendererDir + sep)) return send(res, 404, 'text/plain', 'not found')
      try {
        if (!(await stat(file)).isFile()) throw new Error('not a file')
        send(res, 200, MIME[extname(file)] ?? 'application/octet-stream', await readFile(file))
      } catch {
        send(res, 404, 'text/plain', 'not found')
      }
    })().catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain', String(error))
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  const sendTo = (res: ServerResponse, event: AppEvent, payload: unknown): void => {
    if (res.writableEnded || res.destroyed) throw new Error('the page has gone')
    res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)
  }
  const pages = (): FlushTarget[] =>
    [...streams].map(([id, res]) => ({
      name: `page ${id}`,
      send: (request) => sendTo(res, Events.flushRequested, request)
    }))
  let closing: Promise<FlushReport[]> | null = null
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    services,
    emit: (event, payload) => {
      for (const res of streams.values()) sendTo(res, event, payload)
    },
    pages,
    close: (closeOpts = {}) => {
      closing ??= (async () => {
        const reports = await shutDown({
          broker: flushes,
          targets: pages(),
          services,
          log: (message) => console.error(`harness: ${message}`),
          ...(closeOpts.timeoutMs !== undefined ? { timeoutMs: closeOpts.timeoutMs } : {})
        })
        server.closeAllConnections()
        await new Promise<void>((resolve) => server.close(() => resolve()))
        return reports
      })()
      return closing
    }
  }
}
