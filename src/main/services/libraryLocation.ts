import { posix, win32 } from 'node:path'

/** Product name, which decides the user-data folder just as Electron's `app.getPath('userData')`. */
export const PRODUCT_NAME = 'Copydesk'
/**
 * The user-data folder of an unpackaged (development) run, so `npm start` and `npm run dev` never
 * write into the library or settings of the installed app.
 */
export const DEV_PRODUCT_NAME = 'Copydesk-dev'

export interface LocationContext {
  platform: NodeJS.Platform
  env: Record<string, string | undefined>
  homedir: string
  /** An unpackaged run (`npm start`, `npm run dev`): its own user-data folder and library. */
  dev?: boolean
}

/**
 * The folder Electron uses as `userData` for this product, computed without Electron so the CLI
 * finds the same library: Linux `$XDG_CONFIG_HOME/Copydesk` (or `~/.config/Copydesk`), macOS
 * `~/Library/Application Support/Copydesk`, Windows `%APPDATA%\Copydesk`.
 */
export function userDataDir(ctx: LocationContext): string {
  const name = ctx.dev ? DEV_PRODUCT_NAME : PRODUCT_NAME
  switch (ctx.platform) {
    case 'win32': {
      const appData = ctx.env.APPDATA || win32.join(ctx.homedir, 'AppData', 'Roaming')
      return win32.join(appData, name)
    }
    case 'darwin':
      return posix.join(ctx.homedir, 'Library', 'Application Support', name)
    default: {
      const xdg = ctx.env.XDG_CONFIG_HOME
      const base = xdg && posix.isAbsolute(xdg) ? xdg : posix.join(ctx.homedir, '.config')
      return posix.join(base, name)
    }
  }
}

/** The default library folder: `<userData>/library`. */
export function defaultLibraryDir(ctx: LocationContext): string {
  const path = ctx.platform === 'win32' ? win32 : posix
  return path.join(userDataDir(ctx), 'library')
}

/** `--library DIR` wins over `COPYDESK_LIBRARY`, which wins over the default. */
export function resolveLibraryDir(flag: string | undefined, ctx: LocationContext): string {
  const path = ctx.platform === 'win32' ? win32 : posix
  if (flag) return path.resolve(flag)
  const fromEnv = ctx.env.COPYDESK_LIBRARY
  if (fromEnv) return path.resolve(fromEnv)
  return defaultLibraryDir(ctx)
}
