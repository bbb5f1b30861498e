// The data sources of `kubectl create secret generic` and `create configmap` (kubectl
// pkg/cmd/create/create_secret.go, create_configmap.go, pkg/cmd/util ParseLiteralSource/
// ParseFileSource, env_file.go): literals, files and directories of the workstation (the files its
// shell has), env files. Values are bytes; each command's AddKey checks and stores them.

import type { Invocation } from './invocation'
import { isConfigMapKey } from '../objects/validate-secret'
import { isEnvVarName } from '../objects/names'
import { lineFiles } from '../shell/line'
import { workstationHost } from '../shell/workstation'
import { listDirectory, lookupFile, resolvePath } from '../shell/fs-path'
import { bytesOfText } from '../shell/bytes'
import { own } from '../shell/own'

export type SecretData = Map<string, Uint8Array>

/** Stores one key and value, or answers why it cannot (the command's own words). */
export type AddKey = (key: string, value: Uint8Array) => string | undefined

const utf8 = (s: string) => new TextEncoder().encode(s)

/** addKeyFromLiteralToSecret: a config key, not already taken. */
export function secretAdder(data: SecretData): AddKey {
  return (key, value) => {
    const errs = isConfigMapKey(key)
    if (errs.length) return `"${key}" is not valid key name for a Secret ${errs.join(';')}`
    if (data.has(key)) return `cannot add key ${key}, another key by that name already exists`
    data.set(key, value)
    return undefined
  }
}

/** handleSecretFromLiteralSources: `key=value`, split at the first `=`. */
function addLiterals(addKey: AddKey, sources: string[]): string | undefined {
  for (const source of sources) {
    const eq = source.indexOf('=')
    if (eq <= 0) return `invalid literal source ${source}, expected key=value`
    const err = addKey(source.slice(0, eq), utf8(source.slice(eq + 1)))
    if (err) return err
  }
  return undefined
}

/** ParseFileSource: `path` (key = base name) or `key=path`. */
function parseFileSource(source: string): { key: string; path: string } | string {
  const parts = source.split('=')
  if (parts.length === 1)
    return { key: source.replace(/\/+$/, '').split('/').pop() || '/', path: source }
  if (parts.length > 2) return "key names or file paths cannot contain '='"
  const [key = '', path = ''] = parts
  if (key === '') return `key name for file path ${path} missing`
  if (path === '') return `file path for key name ${key} missing`
  return { key, path }
}

interface Disk {
  read: (path: string) => string | undefined
  list: (path: string) => string[] | undefined
}

/** The workstation's files as kubectl (os.Stat, os.ReadFile, os.ReadDir) sees them. */
function workstationDisk(inv: Invocation): Disk {
  const files = lineFiles(inv.ctx, 'workstation')
  const host = workstationHost()
  const cwd = own(inv.env, 'PWD') ?? '/home/learner'
  const home = own(inv.env, 'HOME')
  return {
    read: (path) => lookupFile(files, host, cwd, path),
    list: (path) => listDirectory(host, files, resolvePath(cwd, path), home),
  }
}

/** handleSecretFromFileSources: a file's bytes, or each regular file of a directory. */
function addFiles(inv: Invocation, addKey: AddKey, sources: string[]): string | undefined {
  const disk = workstationDisk(inv)
  for (const source of sources) {
    const parsed = parseFileSource(source)
    if (typeof parsed === 'string') return parsed
    const text = disk.read(parsed.path)
    if (text !== undefined) {
      const err = addKey(parsed.key, bytesOfText(text))
      if (err) return err
      continue
    }
    const names = disk.list(parsed.path)
    if (names === undefined) return `error reading ${parsed.path}: no such file or directory`
    if (source.includes('=')) return 'cannot give a key name for a directory path'
    for (const name of names) {
      const item = disk.read(`${parsed.path.replace(/\/+$/, '')}/${name}`)
      if (item === undefined) continue
      const err = addKey(name, bytesOfText(item))
      if (err) return err
    }
  }
  return undefined
}

/**
 * handleSecretFromEnvFileSources, handleConfigMapFromEnvFileSources: `KEY=value` lines; `KEY`
 * alone takes kubectl's environment. `kind` names the file in the directory error.
 */
function addEnvFiles(
  inv: Invocation,
  addKey: AddKey,
  sources: string[],
  kind: 'secret' | 'config',
): string | undefined {
  const disk = workstationDisk(inv)
  for (const path of sources) {
    const text = disk.read(path)
    if (text === undefined)
      return disk.list(path) === undefined
        ? `error reading ${path}: no such file or directory`
        : `env ${kind} file cannot be a directory`
    // bufio.ScanLines: a line's trailing \r goes with its \n
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
    for (const raw of lines) {
      const line = raw.replace(/^\s+/, '')
      if (line === '' || line.startsWith('#')) continue
      const eq = line.indexOf('=')
      const key = eq === -1 ? line : line.slice(0, eq)
      const errs = isEnvVarName(key)
      if (errs.length) return `"${key}" is not a valid key name: ${errs.join(';')}`
      const value = eq === -1 ? (own(inv.env, key) ?? '') : line.slice(eq + 1)
      const err = addKey(key, utf8(value))
      if (err) return err
    }
  }
  return undefined
}

/**
 * The `--from-literal`, `--from-file` and `--from-env-file` sources of `create secret generic` or
 * `create configmap`, added in the order that kubectl's command reads them (create_secret.go: the
 * literals first; create_configmap.go: the files first). An error text, or undefined.
 */
export function addSources(
  inv: Invocation,
  addKey: AddKey,
  kind: 'secret' | 'config',
): string | undefined {
  const literals = inv.flags.list('from-literal')
  const files = inv.flags.list('from-file')
  const envFiles = inv.flags.list('from-env-file')
  if (envFiles.length && (files.length || literals.length))
    return 'from-env-file cannot be combined with from-file or from-literal'
  const first = kind === 'secret' ? addLiterals(addKey, literals) : addFiles(inv, addKey, files)
  if (first) return first
  const second = kind === 'secret' ? addFiles(inv, addKey, files) : addLiterals(addKey, literals)
  return second ?? addEnvFiles(inv, addKey, envFiles, kind)
}
