// `-f` for apply/create/delete: reading manifests from stdin (`-f -`) and placing them in the
// command's namespace as cli-runtime's Builder does (FilenameParam, NamespaceParam, DefaultNamespace).
// Paths are the workstation's files and directories (manifest-paths.ts); URLs are refused with a
// clear error.

import { isKind, RESOURCES } from '../objects/resources'
import type { Invocation } from './invocation'
import { mappingError, parseManifests } from './api'
import { readManifestTexts } from './manifest-paths'
import type { ProcessResult } from '../context'
import { clientError } from './errors'

export interface Manifest {
  /** `STDIN` for `-f -` */
  source: string
  /** the decoded document, namespace filled in for namespaced kinds */
  object: Record<string, unknown>
  kind: string
  name: string
  namespace?: string
}

export interface LoadedManifests {
  manifests: Manifest[]
  /** documents of kinds the API server does not serve (the RESTMapper's error, per document) */
  mappingErrors: string[]
  /** a parse error after the documents above (kubectl still acts on those: ContinueOnError) */
  parseError?: string
  /** a builder error: nothing may be acted on */
  fatal?: string
  /** several builder errors: printed one a line, without `error: ` */
  fatalBare?: boolean
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Reads every `-f` source; the texts are kubectl's builder errors. */
export function loadManifests(inv: Invocation, filenames: string[]): LoadedManifests {
  const out: LoadedManifests = { manifests: [], mappingErrors: [] }
  if (filenames.filter((f) => f === '-').length > 1)
    return { ...out, fatal: 'standard input cannot be used for multiple arguments' }
  const url = filenames.find((f) => /^https?:\/\//.test(f))
  if (url !== undefined)
    return {
      ...out,
      fatal: `reading manifests from a URL (${url}) is not supported in this lab terminal: paste the YAML into the editor panel and press Apply, or pipe it in with "kubectl apply -f -"`,
    }
  const read = readManifestTexts(
    inv.ctx,
    inv.env.PWD,
    filenames,
    inv.flags.bool('recursive'),
    inv.stdin,
  )
  // utilerrors.Reduce: one error is kubectl's `error: ...`; several are printed one a line
  if (read.errors.length === 1) return { ...out, fatal: read.errors[0] }
  if (read.errors.length > 1) return { ...out, fatal: read.errors.join('\n'), fatalBare: true }
  for (const { source, text } of read.texts) {
    const parsed = parseManifests(text, source)
    for (const obj of parsed.objects) {
      const unmapped = mappingError(obj, source)
      if (unmapped !== undefined) {
        out.mappingErrors.push(unmapped)
        continue
      }
      const m = placeManifest(inv, source, obj)
      if (typeof m === 'string') return { ...out, fatal: m }
      out.manifests.push(m)
    }
    if (parsed.error !== undefined) return { ...out, parseError: parsed.error }
  }
  return out
}

/** The builder's failure as kubectl prints it, if any. */
export function builderError(l: LoadedManifests): ProcessResult | undefined {
  if (l.fatal === undefined) return undefined
  return l.fatalBare ? { stdout: '', stderr: `${l.fatal}\n`, exitCode: 1 } : clientError(l.fatal)
}

function placeManifest(inv: Invocation, source: string, obj: unknown): Manifest | string {
  const o = isRecord(obj) ? obj : {}
  const meta = isRecord(o.metadata) ? o.metadata : {}
  const kind = typeof o.kind === 'string' ? o.kind : ''
  const name = typeof meta.name === 'string' ? meta.name : ''
  const namespaced = isKind(kind) ? RESOURCES[kind].namespaced : true
  if (!namespaced) return { source, object: o, kind, name }
  const own =
    typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : undefined
  if (own !== undefined && inv.namespaceGiven && own !== inv.namespace)
    return `the namespace from the provided object "${own}" does not match the namespace "${inv.namespace}". You must pass '--namespace=${own}' to perform this operation.`
  const namespace = own ?? inv.namespace
  const object = { ...o, metadata: { ...meta, namespace } }
  return { source, object, kind, name, namespace }
}
