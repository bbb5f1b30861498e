// Reading manifests the way kubectl's resource builder does (cli-runtime pkg/resource/visitor.go
// StreamVisitor + apimachinery YAMLOrJSONDecoder): `---` separated YAML documents or a JSON stream,
// empty documents skipped, `List` items flattened, apiVersion/kind checked before anything is sent.

import { parseDocument } from 'yaml'
import { formatGoYamlError, goYamlMessage } from './yaml-errors'
import { goYamlFirstError, goYamlParse } from './go-yaml-scan'
import { flowKeyInValueLine } from './yaml-flow-errors'
import { parseJsonStream } from './json-stream'
import { parseSimpleYaml } from './fast-yaml'
import { GO_YAML_OPTIONS } from './yaml-options'

export interface ParsedManifests {
  objects: unknown[]
  /** kubectl's text without the leading `error: `, e.g. `error parsing STDIN: error converting ...` */
  error?: string
}

const STOP_VALIDATE =
  'if you choose to ignore these errors, turn validation off with --validate=false'

/**
 * Parses what `kubectl apply -f` reads. Documents before a bad one are returned (kubectl applies them
 * with ContinueOnError); nothing after it is read. `source` is `STDIN` for `-f -`, else the file name.
 */
export function parseManifests(text: string, source: string): ParsedManifests {
  const objects: unknown[] = []
  const docs = /^\s*\{/.test(text) ? parseJsonStream(text) : parseYamlStream(text)
  for (const d of docs) {
    if (d.error !== undefined) return { objects, error: `error parsing ${source}: ${d.error}` }
    if (d.value === null || d.value === undefined) continue
    const invalid = kindErrors(d.value)
    if (invalid)
      return {
        objects,
        error: `error validating "${source}": error validating data: ${invalid}; ${STOP_VALIDATE}`,
      }
    objects.push(...flatten(d.value))
  }
  return { objects }
}

export interface DecodedDoc {
  value?: unknown
  error?: string
}

/** apimachinery YAMLReader: a line starting with `---` ends a document; lines count per document. */
function parseYamlStream(text: string): DecodedDoc[] {
  const out: DecodedDoc[] = []
  const lines = text.split(/(?<=\n)/)
  let buf = ''
  const flush = () => {
    if (buf.trim() !== '') out.push(parseYamlDoc(buf))
    buf = ''
  }
  for (const line of lines) {
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim()
      if (rest.length > 0 && !rest.startsWith('#')) {
        flush()
        out.push({ error: `invalid Yaml document separator: ${rest}` })
        return out
      }
      flush()
      continue
    }
    buf += line
  }
  flush()
  return out
}

/** One `---` document as kubectl reads it: the value, or the go-yaml error text. */
export function parseYamlDoc(doc: string): DecodedDoc {
  const fast = parseSimpleYaml(doc)
  if (fast) return fast
  const parsed = parseDocument(doc, GO_YAML_OPTIONS)
  if (parsed.errors.length > 0) {
    const end = goYamlParse(doc)
    if (typeof end === 'number' && end < doc.length) return parseYamlDoc(doc.slice(0, end))
    return { error: `error converting YAML to JSON: ${goYamlMessage(parsed.errors, doc)}` }
  }
  const strict = goYamlFirstError(doc)
  if (strict && strict !== 'unsupported')
    return { error: `error converting YAML to JSON: ${formatGoYamlError(strict)}` }
  const flowKey = strict === 'unsupported' ? flowKeyInValueLine(doc) : undefined
  if (flowKey)
    return {
      error: `error converting YAML to JSON: yaml: line ${flowKey}: mapping values are not allowed in this context`,
    }
  try {
    return { value: parsed.toJS({ maxAliasCount: 100 }) as unknown }
  } catch (e) {
    const alias = /Unresolved alias[^:]*: \*?(.*)$/.exec(e instanceof Error ? e.message : '')
    const why = alias
      ? `unknown anchor '${alias[1] ?? ''}' referenced`
      : 'document contains excessive aliasing'
    return { error: `error converting YAML to JSON: yaml: ${why}` }
  }
}

/** kubectl pkg/validation getObjectKind: `apiVersion not set`, `[apiVersion not set, kind not set]`. */
function kindErrors(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'invalid object to validate'
  const o = v as Record<string, unknown>
  const errs: string[] = []
  if (o.apiVersion === undefined || o.apiVersion === null) errs.push('apiVersion not set')
  else if (typeof o.apiVersion !== 'string') errs.push("apiVersion isn't string type")
  else if (o.apiVersion.split('/').length > 2)
    errs.push(`unexpected GroupVersion string: ${o.apiVersion}`)
  if (o.kind === undefined || o.kind === null) errs.push('kind not set')
  else if (typeof o.kind !== 'string') errs.push("kind isn't string type")
  if (errs.length === 0) return undefined
  return errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`
}

/** FlattenListVisitor: `kind: List` (and any `*List` with items) becomes its items. */
function flatten(v: unknown): unknown[] {
  const o = v as Record<string, unknown>
  if (typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray(o.items))
    return o.items.flatMap((item) => (item === null ? [] : flatten(item)))
  return [v]
}
