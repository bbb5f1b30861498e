// `-f` for apply/create/delete: reading manifests from stdin (`-f -`) and placing them in the
// command's namespace as cli-runtime's Builder does (FilenameParam, NamespaceParam, DefaultNamespace).
// The workstation has no disk: a path is a file written earlier on the same line (`> x.yaml`);
// other paths and URLs are refused with a clear error.

import { readWorkstationFile } from '../shell/line'
import { isKind, RESOURCES } from '../objects/resources'
import type { Invocation } from './invocation'
import { mappingError, parseManifests } from './api'

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
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Reads every `-f` source; the texts are kubectl's builder errors. */
export function loadManifests(inv: Invocation, filenames: string[]): LoadedManifests {
  const out: LoadedManifests = { manifests: [], mappingErrors: [] }
  if (filenames.filter((f) => f === '-').length > 1)
    return {
      manifests: [],
      mappingErrors: [],
      fatal: 'standard input cannot be used for multiple arguments',
    }
  for (const f of filenames) {
    if (/^https?:\/\//.test(f))
      return {
        manifests: [],
        mappingErrors: [],
        fatal: `reading manifests from a URL (${f}) is not supported in this lab terminal: paste the YAML into the editor panel and press Apply, or pipe it in with "kubectl apply -f -"`,
      }
    if (f !== '-' && readWorkstationFile(inv.ctx, f, inv.env.PWD) === undefined)
      return { manifests: [], mappingErrors: [], fatal: `the path "${f}" does not exist` }
  }
  for (const f of filenames) {
    // a file written earlier on the same line (`kubectl get ... -o yaml > svc.yaml; kubectl apply -f svc.yaml`)
    const source = f === '-' ? 'STDIN' : f
    const parsed = parseManifests(f === '-' ? inv.stdin : (readWorkstationFile(inv.ctx, f, inv.env.PWD) ?? ''), source)
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
