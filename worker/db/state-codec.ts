// How a cluster document is stored: its JSON, gzip-compressed, as a BLOB. The seed's whole
// scenario is ~100 KB of JSON (a faithful cluster: events, pod defaults, last-applied annotations)
// and ~14 KB stored. Rows written before the BLOB column (migration 0002) hold text, `gz:` +
// base64url of the same gzip or plain JSON; they still load, and the next change stores bytes.
// Each runtime brings its own gzip (CompressionStream on Workers, zlib on Node).
import type { ClusterState } from '../sim/state'
import { Buffer } from 'node:buffer'
import { fromBase64Url } from '../auth/crypto'
import { DocumentCache, type DocumentKey } from './document-cache'
import { checkingDocuments } from '../sim/document-changed'
import { serializeDocument, type SizedJSON } from '../sim/serialize'
import {
  applyDelta,
  deltaBase,
  emptyDeltaJSON,
  sizedDeltaJSON,
  topJSON,
  type DeltaBase,
} from '../sim/document-delta'
import { fitDelta, unpadDelta, utf8Length, type RowFit } from './delta-room'

const PREFIX = 'gz:'

/** What the `state` column holds: bytes, or text in rows older than the BLOB column. */
export type StoredState = Uint8Array | string

const isGzip = (b: Uint8Array) => b.length > 2 && b[0] === 0x1f && b[1] === 0x8b

export interface Gzip {
  gzip(bytes: Uint8Array<ArrayBuffer>): Uint8Array | Promise<Uint8Array>
  gunzip(bytes: Uint8Array<ArrayBuffer>): Uint8Array | Promise<Uint8Array>
}

async function pipe(
  bytes: Uint8Array<ArrayBuffer>,
  transform: CompressionStream | DecompressionStream,
) {
  const stream = new Blob([bytes]).stream().pipeThrough(transform)
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/** gzip through the web's CompressionStream (native in workerd). */
export const webGzip: Gzip = {
  gzip: (bytes) => pipe(bytes, new CompressionStream('gzip')),
  gunzip: (bytes) => pipe(bytes, new DecompressionStream('gzip')),
}

/**
 * A cluster row's document as stored: `state` is the base (gzip of its JSON), `stateDelta` what
 * changed since (sim/document-delta.ts; null: nothing). `state` is null when the row was read
 * without it because this isolate said it holds that version (command-read.ts).
 */
export interface StoredDocument {
  state: StoredState | null
  stateDelta: string | null
}

/** Columns that store a whole document: a new base, no delta. */
export interface BaseWrite {
  state: Buffer
  stateDelta: null
}

/** Columns to write: a new base, or a delta over the stored base. */
export type DocumentWrite = BaseWrite | { stateDelta: string | null }

/** What is stored at one version, as this isolate knows it: enough to take the next delta. */
export interface StoredForm {
  baseJson: string
  base: DeltaBase
  /** the base's topJSON */
  baseTop: string
  delta: string | null
  /** the UTF-8 length the `state_delta` column is stored at, padding included (delta-room.ts) */
  room?: number
  /** the base is stored in a form older than gzip bytes: the next change stores a new base */
  legacyBase?: boolean
}

/** A loaded document and what it was loaded from, to tell later what a command changed. */
export interface LoadedState {
  state: ClusterState
  stored: StoredForm
}

export interface StateCodec {
  /** A whole new document to store (a new cluster, a reset): a base, no delta. */
  encode(state: ClusterState): Promise<BaseWrite>
  decode(stored: StoredDocument): Promise<ClusterState>
  /**
   * The stored document, parsed; given its key, from this isolate's copy when it holds that
   * version. The state is the caller's to change. Undefined: the row was read without its base
   * (`state` null) and this isolate no longer holds that version; read it again whole.
   */
  load(stored: StoredDocument, key?: DocumentKey): Promise<LoadedState | undefined>
  /** The version of `clusterId` this isolate holds, if any (a read may then skip the base). */
  heldVersion(clusterId: string): number | undefined
  /**
   * What to write for `state`, loaded from `before`: nothing (`write` undefined) when it is still
   * `before`, a delta when that is small, else a new base. A delta is padded to keep the row's
   * size given the length change of the row's other text written with it (`fit`).
   */
  encodeChanged(
    state: ClusterState,
    before: StoredForm,
    fit?: RowFit,
  ): Promise<{ stored: StoredForm; write?: DocumentWrite }>
  /**
   * What to write for a document left as `before`: nothing, or its delta padded again when the
   * row's other text (`fit`) changed length, so that the row keeps its size (delta-room.ts).
   */
  keepDocument(before: StoredForm, fit?: RowFit): { stored: StoredForm; write?: DocumentWrite }
  /** Notes what is now stored at `key` (after a successful write); `state` is handed over. */
  remember(key: DocumentKey, stored: StoredForm, state?: ClusterState): void
}

/** A delta longer than this is folded into a new base (~a third of a seeded document's JSON). */
export const REBASE_AT = 32 * 1024

export interface CodecOptions {
  /**
   * pad the delta so that the row keeps its size (delta-room.ts): the Node entry's local SQLite
   * then rewrites only the row's changed pages. Off on D1, where every byte bound is sent to the
   * database and a row is billed as a row, whatever pages it took
   */
  keepRowSize?: boolean
}

export function stateCodec(
  z: Gzip = webGzip,
  rebaseAt = REBASE_AT,
  { keepRowSize = false }: CodecOptions = {},
): StateCodec {
  const cache = new DocumentCache()
  const gzip = async (json: string) => {
    const bytes = await z.gzip(new TextEncoder().encode(json))
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  }
  const jsonOf = async (stored: StoredState): Promise<string> => {
    if (typeof stored !== 'string' && isGzip(stored)) {
      return new TextDecoder().decode(await z.gunzip(new Uint8Array(stored)))
    }
    const text = typeof stored === 'string' ? stored : new TextDecoder().decode(stored)
    if (!text.startsWith(PREFIX)) return text
    const bytes = await z.gunzip(fromBase64Url(text.slice(PREFIX.length)))
    return new TextDecoder().decode(bytes)
  }
  const keepDocument = (before: StoredForm, fit?: RowFit) =>
    keepRowSize ? refit(before, fit) : { stored: before }
  const parse = async (stored: StoredDocument & { state: StoredState }) => {
    const baseJson = await jsonOf(stored.state)
    const state = JSON.parse(baseJson) as ClusterState
    const base = deltaBase(state, storedId(stored.state))
    const delta = unpadDelta(stored.stateDelta)
    const form = {
      baseJson,
      base,
      baseTop: topJSON(state, base),
      delta,
      room: utf8Length(stored.stateDelta),
      legacyBase: typeof stored.state === 'string' || !isGzip(stored.state),
    }
    const whole = delta && applyDelta(state, delta, base.id)
    return { state: whole || state, stored: form }
  }
  const rebase = async (state: ClusterState) => {
    const baseJson = serializeDocument(state, checkingDocuments())
    const bytes = await gzip(baseJson)
    const base = deltaBase(state, storedId(bytes))
    const stored = { baseJson, base, baseTop: topJSON(state, base), delta: null, room: 0 }
    return { stored, write: { state: bytes, stateDelta: null } }
  }
  return {
    encode: async (state) => (await rebase(state)).write,
    async decode(stored) {
      if (stored.state === null) throw new Error('decode: the row was read without its document')
      return (await parse({ ...stored, state: stored.state })).state
    },
    async load(stored, key) {
      const hit = key && cache.take(key)
      if (hit) return { state: hit.state ?? cache.parse(key, rebuild), stored: hit.stored }
      if (stored.state === null) return undefined
      const loaded = await parse({ ...stored, state: stored.state })
      if (key) cache.put(key, loaded.stored)
      return loaded
    },
    heldVersion: (clusterId) => cache.version(clusterId),
    async encodeChanged(state, before, fit) {
      const sized = sizedDeltaJSON(state, before.base, before.baseTop, utf8Length)
      const delta = sized?.json ?? null
      if (checkingDocuments()) checkDelta(state, before, sized)
      if (delta === before.delta) return keepDocument(before, fit)
      if ((delta !== null && delta.length > rebaseAt) || before.legacyBase) return rebase(state)
      if (delta === null)
        return { stored: { ...before, delta, room: 0 }, write: { stateDelta: null } }
      if (!keepRowSize) return { stored: { ...before, delta }, write: { stateDelta: delta } }
      const { stateDelta, room } = fitDelta(delta, before.room ?? 0, fit, sized?.bytes)
      return { stored: { ...before, delta, room }, write: { stateDelta } }
    },
    keepDocument,
    remember: (key, stored, state) => cache.put(key, stored, state),
  }
}

/**
 * The document as stored, its delta padded again if the row's other text changed length (a row
 * with no delta gets the empty one, so that it keeps its size too).
 */
function refit(before: StoredForm, fit?: RowFit): { stored: StoredForm; write?: DocumentWrite } {
  if (!fit || fit.was === fit.now || before.legacyBase) return { stored: before }
  const delta = before.delta ?? emptyDeltaJSON(before.base, before.baseTop)
  const { stateDelta, room } = fitDelta(delta, before.room ?? 0, fit)
  return { stored: { ...before, room }, write: { stateDelta } }
}

/** Names a stored base: FNV-1a (32 bits) of its bytes (or of a legacy row's text), in hex. */
function storedId(stored: StoredState): string {
  const h = typeof stored === 'string' ? fnv1aText(stored) : fnv1aBytes(stored)
  return (h >>> 0).toString(16).padStart(8, '0')
}

// One loop per type: a loop testing the type on every element was optimised for bytes, then
// thrown back to the interpreter at each rebase (V8's deopt: no feedback for the text branch).
function fnv1aBytes(bytes: Uint8Array): number {
  let h = 0x811c9dc5
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193)
  return h
}

function fnv1aText(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h
}

/** A stored form's document, parsed again (a second command on the same version in this isolate). */
function rebuild(stored: StoredForm): ClusterState {
  const state = JSON.parse(stored.baseJson) as ClusterState
  return (stored.delta && applyDelta(state, stored.delta, stored.base.id)) || state
}

/**
 * Check mode (every test): the base and the delta give back the document, byte for byte, and the
 * delta's UTF-8 length summed from its parts is its length.
 */
function checkDelta(state: ClusterState, before: StoredForm, sized: SizedJSON | null) {
  const back = JSON.stringify(rebuild({ ...before, delta: sized?.json ?? null }))
  if (back !== JSON.stringify(state))
    throw new Error('document delta: base + delta does not give back the document')
  if (sized && sized.bytes !== utf8Length(sized.json))
    throw new Error(
      `document delta: ${sized.bytes} bytes counted, ${utf8Length(sized.json)} stored`,
    )
}

const web = stateCodec()
export const encodeState = web.encode
export const decodeState = web.decode
