/** A file to import and the name the photo desk shows for it (its path inside a dropped folder). */
export interface PickedFile {
  file: File
  name: string
}

/** What a drop or a folder walk yields: the files to import, and what was left out (by name). */
export interface CollectedFiles {
  files: PickedFile[]
  /** Files inside dropped folders that are not photos (sidecars, documents, hidden files). */
  skipped: string[]
}

const PHOTO_EXTENSION = /\.(jpe?g|jpe|png|webp|tiff?|avif|gif|heic|heif)$/i

const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/**
 * The entries of a drop, taken synchronously: the browser empties `DataTransfer` once the drop
 * handler returns. Items without an entry (synthetic drops, some platforms) fall back to files.
 */
export function takeDropEntries(dataTransfer: DataTransfer): {
  entries: FileSystemEntry[]
  loose: File[]
} {
  const entries: FileSystemEntry[] = []
  const loose: File[] = []
  for (const item of Array.from(dataTransfer.items)) {
    if (item.kind !== 'file') continue
    const entry = item.webkitGetAsEntry?.() ?? null
    if (entry) {
      entries.push(entry)
    } else {
      const file = item.getAsFile()
      if (file) loose.push(file)
    }
  }
  // A loop, not push(...): spreading a drop of many thousand files overflows the stack.
  if (entries.length === 0 && loose.length === 0) for (const f of dataTransfer.files) loose.push(f)
  return { entries, loose }
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject))
}

// readEntries answers in batches (100 at a time in Chromium) until it returns an empty one.
async function childrenOf(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader()
  const all: FileSystemEntry[] = []
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject)
    )
    if (batch.length === 0) return all
    for (const entry of batch) all.push(entry)
  }
}

function isDirectory(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory
}

function isFile(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile
}

/**
 * Walks dropped entries: files dropped directly are all taken (the store explains what it
 * refuses); inside folders, photos by extension are taken in name order (`2.jpg` before
 * `10.jpg`) and hidden files, sidecars and documents are listed as skipped.
 */
export async function collectDroppedFiles(
  entries: FileSystemEntry[],
  loose: File[] = []
): Promise<CollectedFiles> {
  const out: CollectedFiles = {
    files: loose.map((file) => ({ file, name: file.name })),
    skipped: []
  }
  const walk = async (entry: FileSystemEntry, path: string, inFolder: boolean): Promise<void> => {
    if (isDirectory(entry)) {
      if (inFolder && entry.name.startsWith('.')) return
      const children = (await childrenOf(entry)).sort((a, b) => byName.compare(a.name, b.name))
      for (const child of children) await walk(child, `${path}${entry.name}/`, true)
      return
    }
    if (!isFile(entry)) return
    const name = `${path}${entry.name}`
    if (inFolder && (entry.name.startsWith('.') || !PHOTO_EXTENSION.test(entry.name))) {
      out.skipped.push(name)
      return
    }
    out.files.push({ file: await fileOf(entry), name })
  }
  for (const entry of entries) await walk(entry, '', false)
  return out
}
