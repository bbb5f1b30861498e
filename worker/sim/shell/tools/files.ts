// mkdir, touch, rm, cp, mv over the shell's written files (fs-path.ts): enough for a learner to make
// a scratch directory, copy a page and clean up. GNU coreutils wording, busybox's where it differs.
// Left out: permissions, timestamps (touch only creates), files of the image itself stay as they are.

import type { ProcessResult } from '../../context'
import type { Proc, Tool } from '../host'
import { fileKey, isDirectory, lookupFile } from '../fs-path'
import { own } from '../own'
import { isBusybox } from './basic'

type Ctx = { p: Proc; bb: boolean; cwd: string | undefined; home: string | undefined }

const result = (stderr: string): ProcessResult => ({ stdout: '', stderr, exitCode: stderr ? 1 : 0 })
const operands = (p: Proc) => p.argv.slice(1).filter((a) => a === '-' || !a.startsWith('-'))
const flags = (p: Proc) =>
  p.argv
    .slice(1)
    .filter((a) => /^-[^-]/.test(a))
    .join('')
const ctxOf = (p: Proc): Ctx => ({
  p,
  bb: isBusybox(p),
  cwd: own(p.env, 'PWD'),
  home: own(p.env, 'HOME'),
})
const dirOf = (abs: string) => abs.replace(/\/[^/]*$/, '') || '/'
const isDir = (c: Ctx, abs: string) => isDirectory(c.p.host, c.p.files, abs, c.home)
const exists = (c: Ctx, path: string) =>
  isDir(c, fileKey(c.cwd, path)) || lookupFile(c.p.files, c.p.host, c.cwd, path) !== undefined
const missing = (c: Ctx, tool: string, verb: string, path: string) =>
  c.bb
    ? `${tool}: can't ${verb} '${path}': No such file or directory\n`
    : `${tool}: cannot ${verb} '${path}': No such file or directory\n`

const mkdir: Tool = (p) => {
  const c = ctxOf(p)
  const parents = flags(p).includes('p')
  let err = ''
  for (const path of operands(p)) {
    const abs = fileKey(c.cwd, path)
    if (exists(c, path)) {
      if (!parents || !isDir(c, abs))
        err += `mkdir: ${c.bb ? "can't" : 'cannot'} create directory '${path}': File exists\n`
    } else if (!parents && !isDir(c, dirOf(abs)))
      err += missing(c, 'mkdir', 'create directory', path)
    else p.files[`${abs}/`] = ''
  }
  return result(err)
}

const touch: Tool = (p) => {
  const c = ctxOf(p)
  let err = ''
  for (const path of operands(p)) {
    const abs = fileKey(c.cwd, path)
    if (exists(c, path)) continue
    if (!isDir(c, dirOf(abs)))
      err += c.bb
        ? `touch: ${path}: No such file or directory\n`
        : `touch: cannot touch '${path}': No such file or directory\n`
    else p.files[abs] = ''
  }
  return result(err)
}

function removeTree(p: Proc, abs: string): void {
  for (const key of Object.keys(p.files))
    if (key === abs || key.startsWith(`${abs}/`)) delete p.files[key]
}

const rm: Tool = (p) => {
  const c = ctxOf(p)
  const f = flags(p)
  let err = ''
  for (const path of operands(p)) {
    const abs = fileKey(c.cwd, path)
    if (!exists(c, path)) {
      if (!f.includes('f')) err += missing(c, 'rm', 'remove', path)
    } else if (isDir(c, abs) && !/[rR]/.test(f))
      err += c.bb
        ? `rm: '${path}' is a directory\n`
        : `rm: cannot remove '${path}': Is a directory\n`
    else removeTree(p, abs)
  }
  return result(err)
}

/** cp and mv: one source to a file, or sources into a directory. */
function copy(tool: 'cp' | 'mv'): Tool {
  return (p) => {
    const c = ctxOf(p)
    const args = operands(p)
    const dest = args.pop()
    if (dest === undefined || args.length === 0) {
      const what =
        dest === undefined
          ? 'missing file operand'
          : `missing destination file operand after '${dest}'`
      return {
        stdout: '',
        stderr: `${tool}: ${what}\nTry '${tool} --help' for more information.\n`,
        exitCode: 1,
      }
    }
    const destAbs = fileKey(c.cwd, dest)
    let err = ''
    for (const src of args) err += copyOne(c, tool, src, destAbs)
    return result(err)
  }
}

function copyOne(c: Ctx, tool: 'cp' | 'mv', src: string, destAbs: string): string {
  const text = lookupFile(c.p.files, c.p.host, c.cwd, src)
  const srcAbs = fileKey(c.cwd, src)
  if (text === undefined && !isDir(c, srcAbs))
    return c.bb && tool === 'mv'
      ? `mv: can't rename '${src}': No such file or directory\n`
      : missing(c, tool, 'stat', src)
  const target = isDir(c, destAbs) ? `${destAbs}/${srcAbs.replace(/^.*\//, '')}` : destAbs
  if (text === undefined) {
    if (tool === 'cp' && !/[rRa]/.test(flags(c.p)))
      return c.bb
        ? `cp: omitting directory '${src}'\n`
        : `cp: -r not specified; omitting directory '${src}'\n`
    for (const key of Object.keys(c.p.files))
      if (key.startsWith(`${srcAbs}/`))
        c.p.files[target + key.slice(srcAbs.length)] = c.p.files[key] ?? ''
    if (tool === 'mv') removeTree(c.p, srcAbs)
    return ''
  }
  c.p.files[target] = text
  if (tool === 'mv') delete c.p.files[srcAbs]
  return ''
}

export const FILE_TOOLS: Record<string, Tool> = { mkdir, touch, rm, cp: copy('cp'), mv: copy('mv') }
