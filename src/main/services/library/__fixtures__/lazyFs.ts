/**
 * LazyFS for power-cut tests (see ../shared/tools/lazyfs/README.md): mounts a folder whose un-fsynced
 * writes live only in LazyFS's cache until `clearCache()` drops them, as a power cut would.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createReadStream, existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../..')

/**
 * Where the LazyFS binary and its library are: `$COPYDESK_LAZYFS`, else the team's shared tools
 * beside the checkout (`../shared/tools/lazyfs`, where CI keeps them too).
 */
export function lazyFsDir(): string {
  return process.env.COPYDESK_LAZYFS ?? join(repoRoot, '..', 'shared', 'tools', 'lazyfs')
}

/** Why LazyFS cannot run on this machine, or null when it can. */
export function lazyFsUnavailable(): string | null {
  if (process.platform !== 'linux')
    return `LazyFS is a Linux FUSE file system (this is ${process.platform})`
  if (!existsSync('/dev/fuse')) return 'there is no /dev/fuse on this machine'
  if (!existsSync(join(lazyFsDir(), 'lazyfs'))) return `no LazyFS binary in ${lazyFsDir()}`
  return null
}

/** A mounted LazyFS. */
export interface LazyFs {
  /** Where to write: the files really live under `<base>/root`. */
  readonly mount: string
  /** The power cut: drops every write that was not fsynced; resolves once LazyFS says so. */
  clearCache(): Promise<void>
  unmount(): Promise<void>
}

function isMounted(path: string): boolean {
  return spawnSync('mountpoint', ['-q', path]).status === 0
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done()
    else child.once('exit', () => done())
  })
}

/**
 * Mounts LazyFS in `base` (mount, backing folder, fifos and config all inside it). LazyFS now and
 * then aborts at start-up without having read its config (it names its built-in default path);
 * a start that fails is tried twice more in a fresh folder before the test fails with each
 * attempt's error.
 */
export async function mountLazyFs(base: string): Promise<LazyFs> {
  const errors: string[] = []
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await mountOnce(attempt === 1 ? base : join(base, `attempt-${attempt}`))
    } catch (error) {
      errors.push(`attempt ${attempt}: ${(error as Error).message}`)
    }
  }
  throw new Error(errors.join('\n'))
}

async function mountOnce(base: string): Promise<LazyFs> {
  const root = join(base, 'root')
  const mount = join(base, 'mnt')
  const fifo = join(base, 'faults.fifo')
  const done = join(base, 'done.fifo')
  const config = join(base, 'lazyfs.toml')
  await mkdir(root, { recursive: true })
  await mkdir(mount, { recursive: true })
  for (const f of [fifo, done]) {
    const made = spawnSync('mkfifo', [f])
    if (made.status !== 0) throw new Error(`mkfifo ${f}: ${String(made.stderr)}`)
  }
  // A small cache: LazyFS allocates all of it before mounting (1 GB takes seconds).
  await writeFile(
    config,
    [
      '[faults]',
      `fifo_path=${JSON.stringify(fifo)}`,
      `fifo_path_completed=${JSON.stringify(done)}`,
      '[cache]',
      'apply_eviction=false',
      '[cache.simple]',
      'custom_size="128mb"',
      'blocks_per_page=1',
      '[filesystem]',
      'log_all_operations=false',
      'logfile=""',
      ''
    ].join('\n')
  )
  const dir = lazyFsDir()
  const ld = process.env.LD_LIBRARY_PATH
  const child = spawn(
    join(dir, 'lazyfs'),
    [mount, '--config-path', config, '-o', 'modules=subdir', '-o', `subdir=${root}`, '-f'],
    {
      env: { ...process.env, LD_LIBRARY_PATH: ld ? `${dir}:${ld}` : dir },
      stdio: ['ignore', 'ignore', 'pipe']
    }
  )
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)))
  const deadline = Date.now() + 60_000
  while (!isMounted(mount)) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL')
      const how = child.signalCode ? `signal ${child.signalCode}` : `exit ${child.exitCode}`
      throw new Error(`LazyFS did not mount ${mount} (${how}): ${stderr}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  let unmounted = false
  // LazyFS keeps its end of the reply fifo open, so replies are read as a stream, never to EOF.
  const replies = createReadStream(done, { encoding: 'utf8' })
  let replied = ''
  const waiting: (() => void)[] = []
  replies.on('data', (chunk) => {
    replied += String(chunk)
    for (const wake of waiting.splice(0)) wake()
  })
  replies.on('error', () => undefined)
  return {
    mount,
    async clearCache(): Promise<void> {
      const before = replied.split('finished::clear-cache').length
      await writeFile(fifo, 'lazyfs::clear-cache\n')
      const deadline = Date.now() + 30_000
      while (replied.split('finished::clear-cache').length === before) {
        if (Date.now() > deadline) throw new Error('LazyFS did not confirm clear-cache in 30 s')
        await new Promise<void>((wake) => {
          waiting.push(wake)
          setTimeout(wake, 200)
        })
      }
    },
    async unmount(): Promise<void> {
      if (unmounted) return
      unmounted = true
      spawnSync('fusermount3', ['-u', mount])
      replies.destroy()
      child.kill('SIGTERM')
      await exited(child)
    }
  }
}
