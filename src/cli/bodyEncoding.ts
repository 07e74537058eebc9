import { CopydeskError } from '../shared/result'

/** A body file's text and the encoding it was read in. */
export interface DecodedBody {
  text: string
  /** The WHATWG name: `utf-8`, `utf-16le`, `utf-16be`, `windows-1252`... */
  encoding: string
  /** How the encoding was known. */
  source: 'bom' | 'declared' | 'utf-8'
}

const ADVICE = 'save it as UTF-8'

function refuse(message: string): never {
  throw new CopydeskError('invalid-input', message)
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b)
}

/** Byte offset of the first byte that is not well-formed UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]
    if (b < 0x80) {
      i++
      continue
    }
    // Lead byte: how many continuation bytes, and the allowed range of the first one (which
    // excludes overlong forms, surrogates and code points above U+10FFFF).
    let need: number
    let low = 0x80
    let high = 0xbf
    if (b >= 0xc2 && b <= 0xdf) need = 1
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      if (b === 0xe0) low = 0xa0
      if (b === 0xed) high = 0x9f
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      if (b === 0xf0) low = 0x90
      if (b === 0xf4) high = 0x8f
    } else return i
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined) return i
      if (k === 1 ? c < low || c > high : c < 0x80 || c > 0xbf) return i
    }
    i += need + 1
  }
  return -1
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++
  return line
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true
  return false
}

/**
 * The charset an HTML file declares in its first 1024 bytes (as a browser's pre-scan finds it):
 * `<meta charset=...>`, `<meta http-equiv="Content-Type" content="...; charset=...">`, or an XML
 * declaration's `encoding`. Lowercased; null when none.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  // Latin-1 maps each byte to one character: ASCII markup reads the same in any encoding here.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1')
  const xml = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']?([\w.:-]+)/i.exec(head)
  if (xml) return xml[1].toLowerCase()
  for (const meta of head.matchAll(/<meta\b[^>]*>/gi)) {
    const charset = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta[0])
    if (charset) return charset[1].toLowerCase()
  }
  return null
}

// Windows-1252's printable characters at 0x80-0x9F (0 where the code page has none). Node's
// TextDecoder (20.x) decodes `windows-1252` as Latin-1 there, giving C1 controls for „ “ – €.
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161,
  0x203a, 0x0153, 0, 0x017e, 0x0178
]

function fixCp1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => {
    const mapped = CP1252_HIGH[c.charCodeAt(0) - 0x80]
    return mapped ? String.fromCharCode(mapped) : c
  })
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal: true })
  } catch {
    return null
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedBody {
  if ((bytes.length - 2) % 2 !== 0) {
    refuse(`starts with a UTF-16 byte order mark but has an odd number of bytes; ${ADVICE}`)
  }
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2))
    return { text, encoding, source: 'bom' }
  } catch {
    refuse(`is not well-formed ${encoding.toUpperCase()} (its byte order mark says so); ${ADVICE}`)
  }
}

/**
 * Decodes the bytes of a `.txt`, `.md` or `.html` body file. A byte order mark decides (UTF-8,
 * UTF-16LE, UTF-16BE); else an HTML file's declared charset (any encoding `TextDecoder` knows,
 * e.g. windows-1252, iso-8859-15); else the bytes must be UTF-8. Anything else is refused with
 * the reason and where, never turned into mojibake.
 */
export function decodeBodyBytes(bytes: Uint8Array, kind: 'text' | 'html'): DecodedBody {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    refuse(`is UTF-32, which Copydesk does not read; ${ADVICE}`)
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const bad = firstInvalidUtf8(bytes.subarray(3))
    if (bad >= 0) {
      refuse(
        `starts with a UTF-8 byte order mark but byte ${bad + 4} (line ${lineOf(bytes, bad + 3)}) is not UTF-8; ${ADVICE}`
      )
    }
    return withoutNul(
      {
        text: new TextDecoder('utf-8').decode(bytes.subarray(3)),
        encoding: 'utf-8',
        source: 'bom'
      },
      bytes
    )
  }
  if (startsWith(bytes, [0xff, 0xfe])) return withoutNul(decodeUtf16(bytes, 'utf-16le'), bytes)
  if (startsWith(bytes, [0xfe, 0xff])) return withoutNul(decodeUtf16(bytes, 'utf-16be'), bytes)

  const bad = firstInvalidUtf8(bytes)
  const declared = kind === 'html' ? declaredCharset(bytes) : null
  if (declared) {
    const decoder = decoderFor(declared)
    if (!decoder) refuse(`declares charset "${declared}", which Copydesk cannot read; ${ADVICE}`)
    const encoding = decoder.encoding
    // A stale declaration on a file an editor saved as UTF-8: legacy text is almost never
    // valid UTF-8 by chance, so valid multi-byte UTF-8 means UTF-8.
    if (encoding !== 'utf-8' && bad < 0 && hasNonAscii(bytes)) {
      return withoutNul(
        { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', source: 'utf-8' },
        bytes
      )
    }
    if (encoding === 'utf-16le' || encoding === 'utf-16be') {
      refuse(`declares ${declared} but has no byte order mark; ${ADVICE}`)
    }
    if (encoding === 'utf-8' && bad >= 0) {
      refuse(
        `declares UTF-8 but byte ${bad + 1} (line ${lineOf(bytes, bad)}) is not UTF-8; ${ADVICE}`
      )
    }
    try {
      const decoded = decoder.decode(bytes)
      const text = encoding === 'windows-1252' ? fixCp1252(decoded) : decoded
      return withoutNul({ text, encoding, source: 'declared' }, bytes)
    } catch {
      refuse(`is not valid ${declared} as it declares; ${ADVICE}`)
    }
  }
  if (bad >= 0) {
    const hint =
      kind === 'html'
        ? `${ADVICE}, or declare its charset (<meta charset="windows-1252">)`
        : `${ADVICE} (it may be Windows-1252 or Latin-1)`
    refuse(
      `is not UTF-8: byte ${bad + 1} (line ${lineOf(bytes, bad)}) is 0x${bytes[bad].toString(16).toUpperCase().padStart(2, '0')}; ${hint}`
    )
  }
  return withoutNul(
    { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', source: 'utf-8' },
    bytes
  )
}

// NUL never belongs in text: it is UTF-16 without a byte order mark, or not a text file at all.
function withoutNul(decoded: DecodedBody, bytes: Uint8Array): DecodedBody {
  const at = decoded.text.indexOf('\u0000')
  if (at < 0) return decoded
  const utf16 = decoded.source !== 'bom' && bytes.length > 1 && (bytes[0] === 0 || bytes[1] === 0)
  refuse(
    utf16
      ? `looks like UTF-16 without a byte order mark (NUL bytes); ${ADVICE}`
      : `contains a NUL character (character ${at + 1}): not a text file?`
  )
}
