// `kubectl create configmap NAME` (kubectl pkg/cmd/create/create_configmap.go): the ConfigMap
// built client-side from literals, the workstation's files and directories, and env files, then
// sent as any generated object. A file that is not valid UTF-8 goes to binaryData. The namespace
// is set on the object only when -n was given, as --dry-run=client -o yaml shows.
// Left out: --append-hash (the name's content hash), refused with a message.

import type { ProcessResult } from '../context'
import type { ApiError, KubeObject } from '../objects/types'
import { isConfigMapKey } from '../objects/validate-secret'
import { encodeBase64 } from '../objects/go-base64'
import type { Invocation } from './invocation'
import { clientError } from './errors'
import { nameFromArgs } from './create-deployment'
import { submitGenerated } from './generated'
import { addSources, type AddKey } from './data-sources'

interface Bags {
  data: Map<string, string>
  binaryData: Map<string, Uint8Array>
}

const strictUTF8 = new TextDecoder('utf-8', { fatal: true })

/** utf8.Valid, answering the text when it is. */
function validText(bytes: Uint8Array): string | undefined {
  try {
    return strictUTF8.decode(bytes)
  } catch {
    return undefined
  }
}

/** validateNewConfigMap, then addKeyFromLiteralToConfigMap or the binaryData branch. */
function configMapAdder(name: string, bags: Bags): AddKey {
  return (key, value) => {
    const errs = isConfigMapKey(key)
    if (errs.length) return `"${key}" is not a valid key name for a ConfigMap: ${errs.join(',')}`
    for (const [bag, field] of [
      [bags.data, 'Data'],
      [bags.binaryData, 'BinaryData'],
    ] as const)
      if (bag.has(key))
        return `cannot add key "${key}", another key by that name already exists in ${field} for ConfigMap "${name}"`
    const text = validText(value)
    if (text === undefined) bags.binaryData.set(key, value)
    else bags.data.set(key, text)
    return undefined
  }
}

const sortedEntries = <V>(m: Map<string, V>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1))

/** newConfigMapObj, in Go field order (the -o json order); empty maps are omitted. */
function configMapObject(inv: Invocation, name: string, bags: Bags): KubeObject {
  const metadata = {
    name,
    ...(inv.namespaceGiven ? { namespace: inv.namespace } : {}),
    creationTimestamp: null,
  }
  const data = Object.fromEntries(sortedEntries(bags.data))
  const binaryData = Object.fromEntries(
    sortedEntries(bags.binaryData).map(([k, v]) => [k, encodeBase64(v)]),
  )
  return {
    kind: 'ConfigMap',
    apiVersion: 'v1',
    metadata,
    ...(bags.data.size ? { data } : {}),
    ...(bags.binaryData.size ? { binaryData } : {}),
  } as unknown as KubeObject
}

/** `kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1]`. */
export function createConfigMapVerb(inv: Invocation): ProcessResult {
  const name = nameFromArgs(inv)
  if (typeof name !== 'string') return name
  const bags: Bags = { data: new Map(), binaryData: new Map() }
  const err = addSources(inv, configMapAdder(name, bags), 'config')
  if (err) return clientError(err)
  if (inv.flags.bool('append-hash'))
    return clientError(
      '--append-hash is not supported in this lab terminal; name the ConfigMap yourself',
    )
  const wrap = (e: ApiError) => `failed to create configmap: ${e.message}`
  return submitGenerated(inv, configMapObject(inv, name, bags), {
    op: 'created',
    namespaced: true,
    wrap,
  })
}
