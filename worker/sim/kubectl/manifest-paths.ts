// The files behind `-f` (cli-runtime resource/builder.go FilenameParam and Path, visitor.go
// ExpandPathsToFileVisitors): a file is read as named; a directory gives its .json, .yaml and .yml
// files in name order (filepath.Walk), and with -R those of its subdirectories too, depth first.
// The files are those the workstation's shell wrote (`cat > web.yaml <<EOF`, `mkdir`), plus its
// few system files. Left out: glob patterns kubectl expands itself (bash has expanded them).

import type { Ctx } from '../context'
import { isDirectory, listDirectory, lookupFile, resolvePath } from '../shell/fs-path'
import { lineOf } from '../shell/line'
import { dict, own } from '../shell/own'
import { workstationHost } from '../shell/workstation'

const HOME = '/home/learner'
/** resource.FileExtensions */
const EXTENSIONS = ['.json', '.yaml', '.yml']

export interface ManifestText {
  /** the name kubectl gives the file in its messages (`STDIN` for `-f -`) */
  source: string
  text: string
}

export interface ManifestTexts {
  texts: ManifestText[]
  /** the builder's errors, in the order of the `-f` flags; any of them stops the command */
  errors: string[]
}

/** Go's filepath.Join of a walked directory and a name (Clean drops `./` and doubled slashes). */
function joinPath(dir: string, name: string): string {
  const joined = `${dir}/${name}`
  const abs = joined.startsWith('/')
  const parts: string[] = []
  for (const seg of joined.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop()
    else if (seg !== '..' || !abs) parts.push(seg)
  }
  return (abs ? '/' : '') + parts.join('/')
}

/** filepath.Ext: from the last dot of the last element. */
function extension(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1)
  const dot = base.lastIndexOf('.')
  return dot < 0 ? '' : base.slice(dot)
}

/**
 * Every manifest text the `-f` values name, with kubectl's errors for paths that do not exist and
 * for a directory without manifest files (counted over the values so far, as Builder.Path does).
 */
export function readManifestTexts(
  ctx: Ctx,
  cwd: string | undefined,
  filenames: string[],
  recursive: boolean,
  stdin: string,
): ManifestTexts {
  const host = workstationHost()
  const files = own(lineOf(ctx).files, 'workstation') ?? dict<string>()
  const dir = cwd ?? HOME
  const out: ManifestTexts = { texts: [], errors: [] }
  const isDir = (abs: string) => isDirectory(host, files, abs, HOME)
  const walk = (shown: string, abs: string, root: boolean) => {
    if (!isDir(abs)) {
      // a file named on the command line is read whatever its extension
      if (!root && !EXTENSIONS.includes(extension(shown))) return
      out.texts.push({ source: shown, text: lookupFile(files, host, dir, abs) ?? '' })
      return
    }
    if (!root && !recursive) return
    for (const name of listDirectory(host, files, abs, HOME) ?? [])
      walk(joinPath(shown, name), `${abs === '/' ? '' : abs}/${name}`, false)
  }
  for (const f of filenames) {
    if (f === '-') {
      out.texts.push({ source: 'STDIN', text: stdin })
      continue
    }
    const abs = resolvePath(dir, f)
    if (lookupFile(files, host, dir, f) === undefined && !isDir(abs)) {
      out.errors.push(`the path "${f}" does not exist`)
      continue
    }
    walk(f, abs, true)
    if (out.texts.length === 0 && out.errors.length === 0)
      out.errors.push(`error reading [${f}]: recognized file extensions are [${EXTENSIONS.join(' ')}]`)
  }
  return out
}
