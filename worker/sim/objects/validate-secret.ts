// Secret validation (k8s pkg/apis/core/validation validation.go ValidateSecret,
// ValidateSecretUpdate; apimachinery util/validation IsConfigMapKey). Data keys are checked in
// sorted order (Go ranges over the map at random). Left out: the 1 MiB total size limit (a lab
// cluster's document is far smaller) and the service-account-token type's token controller.

import type { Secret } from './secret-types'
import { SECRET_TYPE_TLS } from './secret-types'
import { type FieldError, forbidden, invalid, required } from './field-errors'
import { isDNS1123Subdomain, maxLenError, regexError } from './names'
import { validateObjectMeta } from './validate-meta'
import { decodeBase64 } from './go-base64'
import { sameJSONUnordered } from './json-equal'

const CONFIG_MAP_KEY_FMT = '[-._a-zA-Z0-9]+'
const CONFIG_MAP_KEY = new RegExp(`^${CONFIG_MAP_KEY_FMT}$`)

/** IsConfigMapKey: a key of a Secret's or ConfigMap's data (also a file name in a volume). */
export function isConfigMapKey(key: string): string[] {
  const errs: string[] = []
  if (key.length > 253) errs.push(maxLenError(253))
  if (!CONFIG_MAP_KEY.test(key))
    errs.push(
      regexError(
        "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
        CONFIG_MAP_KEY_FMT,
        'key.name',
        'KEY_NAME',
        'key-name',
      ),
    )
  if (key === '.') errs.push("must not be '.'")
  else if (key === '..') errs.push("must not be '..'")
  else if (key.startsWith('..')) errs.push("must not start with '..'")
  return errs
}

const dataKey = (k: string) => `data[${k}]`

/** The decoded bytes of one data value (already valid base64: the decoder checked it). */
function dataBytes(secret: Secret, key: string): Uint8Array | undefined {
  const v = secret.data?.[key]
  if (v === undefined) return undefined
  const bytes = decodeBase64(v)
  return 'corruptAt' in bytes ? new Uint8Array() : bytes
}

/** The keys each built-in type requires (ValidateSecret's switch on secret.Type). */
function validateSecretType(secret: Secret): FieldError[] {
  const has = (k: string) => secret.data !== undefined && k in secret.data
  const errs: FieldError[] = []
  switch (secret.type) {
    case 'kubernetes.io/service-account-token':
      if (!secret.metadata.annotations?.['kubernetes.io/service-account.name'])
        errs.push(required('metadata.annotations[kubernetes.io/service-account.name]'))
      break
    case 'kubernetes.io/dockercfg':
    case 'kubernetes.io/dockerconfigjson': {
      const key = secret.type === 'kubernetes.io/dockercfg' ? '.dockercfg' : '.dockerconfigjson'
      const bytes = dataBytes(secret, key)
      if (!bytes) errs.push(required(dataKey(key)))
      else {
        const detail = jsonObjectError(bytes)
        if (detail) errs.push({ type: 'Invalid', field: dataKey(key), value: REDACTED, detail })
      }
      break
    }
    case 'kubernetes.io/basic-auth':
      if (!has('username') && !has('password'))
        errs.push(required(dataKey('username')), required(dataKey('password')))
      break
    case 'kubernetes.io/ssh-auth':
      if ((dataBytes(secret, 'ssh-privatekey')?.length ?? 0) === 0)
        errs.push(required(dataKey('ssh-privatekey')))
      break
    case SECRET_TYPE_TLS:
      if (!has('tls.crt')) errs.push(required(dataKey('tls.crt')))
      if (!has('tls.key')) errs.push(required(dataKey('tls.key')))
      break
  }
  return errs
}

const REDACTED = '"<secret contents redacted>"'

/**
 * json.Unmarshal into a map[string]interface{}: Go's text for JSON of another type; a syntax error
 * is named only when the input is empty (Go's offsets and wording for the rest are not modelled).
 */
function jsonObjectError(bytes: Uint8Array): string | undefined {
  let v: unknown
  try {
    v = JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    const blank = new TextDecoder().decode(bytes).trim() === ''
    return blank ? 'unexpected end of JSON input' : 'invalid JSON'
  }
  if (v === null || (typeof v === 'object' && !Array.isArray(v))) return undefined
  const type = Array.isArray(v) ? 'array' : typeof v === 'boolean' ? 'bool' : typeof v
  return `json: cannot unmarshal ${type} into Go value of type map[string]interface {}`
}

/** ValidateSecret: metadata (a DNS subdomain name), data keys, the type's required keys. */
export function validateSecret(secret: Secret): FieldError[] {
  const errs = validateObjectMeta(secret.metadata, true, isDNS1123Subdomain)
  for (const key of Object.keys(secret.data ?? {}).sort())
    for (const msg of isConfigMapKey(key)) errs.push(invalid(dataKey(key), key, msg))
  errs.push(...validateSecretType(secret))
  return errs
}

/** ValidateSecretUpdate before ValidateSecret: type never changes; an immutable Secret keeps its data. */
export function validateSecretUpdate(secret: Secret, old: Secret): FieldError[] {
  const errs: FieldError[] = []
  if ((secret.type ?? '') !== (old.type ?? ''))
    errs.push(invalid('type', secret.type ?? '', 'field is immutable'))
  if (old.immutable === true) {
    if (secret.immutable !== true)
      errs.push(forbidden('immutable', 'field is immutable when `immutable` is set'))
    if (!sameJSONUnordered(secret.data ?? {}, old.data ?? {}))
      errs.push(forbidden('data', 'field is immutable when `immutable` is set'))
  }
  return errs
}
