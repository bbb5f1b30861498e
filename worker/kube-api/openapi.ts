// OpenAPI v3 (`/openapi/v3` and one document per group-version), what kubectl needs for
// `apply`/`create -f` validation (a PATCH operation per kind with a `fieldValidation` parameter,
// cli-runtime query_param_verifier_v3.go) and for `explain` (component schemas marked with
// `x-kubernetes-group-version-kind`). The schemas are the ones our simulated `kubectl explain`
// prints from (sim/kubectl/explain/schemas.json, upstream 1.32 texts). The PATCH request bodies
// leave out strategic-merge-patch+json on purpose: kubectl then computes apply patches from its
// built-in types instead of warning about fields our trimmed schemas lack (facts §5.2).
// `/openapi/v2` is an empty document: kubectl 1.32 uses v3 for the kinds v3 describes, and asks
// v2 only for a kind it does not (a ServiceAccount in a file), to skip validating it when v2 does not
// describe it either; a 404 there failed the whole `apply -f` with "failed to download openapi".

import schemasJson from '../sim/kubectl/explain/schemas.json'
import { RESOURCES, type ResourceInfo } from '../sim/objects/resources'
import { EXPLAINED_KINDS } from '../sim/kubectl/explain'

type Json = unknown
const SCHEMAS = schemasJson as Record<string, Json>

/** The Go package of a group in schema names (`io.k8s.api.<pkg>.v1.<Kind>`): its first word. */
function groupPackage(group: string): string {
  return group === '' ? 'core' : (group.split('.')[0] ?? group)
}

/** `api/v1`, `apis/apps/v1`, ... as the root document keys them. */
export function gvPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`
}

function withRefs(v: Json): Json {
  if (Array.isArray(v)) return v.map(withRefs)
  if (v && typeof v === 'object') {
    const out: Record<string, Json> = {}
    for (const [k, x] of Object.entries(v))
      out[k] = k === '$ref' ? `#/components/schemas/${String(x)}` : withRefs(x)
    return out
  }
  return v
}

function patchOp(r: ResourceInfo) {
  return {
    'x-kubernetes-group-version-kind': { group: r.group, version: r.version, kind: r.kind },
    parameters: [
      { name: 'dryRun', in: 'query', schema: { type: 'string', uniqueItems: true } },
      { name: 'fieldManager', in: 'query', schema: { type: 'string', uniqueItems: true } },
      { name: 'fieldValidation', in: 'query', schema: { type: 'string', uniqueItems: true } },
    ],
    requestBody: {
      content: {
        'application/apply-patch+yaml': { schema: { type: 'object' } },
        'application/json-patch+json': { schema: { type: 'object' } },
        'application/merge-patch+json': { schema: { type: 'object' } },
      },
      required: true,
    },
    responses: { '200': { description: 'OK' } },
  }
}

function itemPath(r: ResourceInfo): string {
  const base = `/${gvPath(r.group, r.version)}`
  return r.namespaced
    ? `${base}/namespaces/{namespace}/${r.plural}/{name}`
    : `${base}/${r.plural}/{name}`
}

function buildDocument(group: string, version: string) {
  const kinds = Object.values(RESOURCES).filter((r) => r.group === group && r.version === version)
  const schemas: Record<string, Json> = {}
  for (const [name, schema] of Object.entries(SCHEMAS)) schemas[name] = withRefs(schema)
  for (const r of kinds) {
    const name = `io.k8s.api.${groupPackage(group)}.${version}.${r.kind}`
    // kinds the lab terminal's explain does not document get a schema that says so
    const s = (schemas[name] as Record<string, Json> | undefined) ?? {
      type: 'object',
      description: `Service Lab serves ${r.kind} objects but documents only ${EXPLAINED_KINDS}, as the lab terminal's kubectl explain does.`,
    }
    schemas[name] = {
      ...s,
      'x-kubernetes-group-version-kind': [{ group, kind: r.kind, version }],
    }
  }
  const paths = Object.fromEntries(kinds.map((r) => [itemPath(r), { patch: patchOp(r) }]))
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.2' },
    paths,
    components: { schemas },
  }
}

/** FNV-1a over the text, hex: the `hash` kubectl's HTTP cache keys the documents by. */
function hashOf(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return (h >>> 0).toString(16).toUpperCase().padStart(8, '0')
}

const GVS = [...new Set(Object.values(RESOURCES).map((r) => gvPath(r.group, r.version)))]
const built = new Map<string, { text: string; hash: string }>()

/** The document of one group-version path (`apis/apps/v1`), built once per isolate. */
export function openapiDocument(path: string): { text: string; hash: string } | undefined {
  if (!GVS.includes(path)) return undefined
  let doc = built.get(path)
  if (!doc) {
    const [first, a, b] = path.split('/')
    const text = JSON.stringify(
      first === 'api' ? buildDocument('', a ?? 'v1') : buildDocument(a ?? '', b ?? 'v1'),
    )
    doc = { text, hash: hashOf(text) }
    built.set(path, doc)
  }
  return doc
}

/** The root: where each group-version's document is, relative to the kubeconfig prefix (facts §5.3). */
export function openapiRoot() {
  const paths: Record<string, { serverRelativeURL: string }> = {}
  for (const gv of GVS)
    paths[gv] = { serverRelativeURL: `/openapi/v3/${gv}?hash=${openapiDocument(gv)!.hash}` }
  return { paths }
}

/**
 * `/openapi/v2`: an empty protobuf Document (no definitions). kubectl's client-side validation
 * of a kind no document describes then passes, and the object goes on to the mapping step, whose
 * error (`no matches for kind "ServiceAccount" in version "v1"`) is the one the lab terminal prints.
 */
export function openapiV2(): Response {
  return new Response(new Uint8Array(0), {
    headers: { 'Content-Type': 'application/octet-stream' },
  })
}
