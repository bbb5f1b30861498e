// `kubectl create secret generic|tls NAME` (kubectl pkg/cmd/create/create_secret.go,
// create_secret_tls.go): the Secret built client-side from literals, the workstation's files and
// env files, or a certificate and key file, then sent as any generated object. The namespace is
// set on the object only when -n was given (EnforceNamespace), as --dry-run=client -o yaml shows.
// Left out: --append-hash (the name's content hash), refused with a message.

import type { ProcessResult } from '../context'
import type { ApiError, KubeObject } from '../objects/types'
import { SECRET_TYPE_TLS } from '../objects/secret-types'
import { encodeBase64 } from '../objects/go-base64'
import type { Invocation } from './invocation'
import { clientError } from './errors'
import { nameFromArgs } from './create-deployment'
import { submitGenerated } from './generated'
import { addSources, secretAdder, type SecretData } from './data-sources'
import { keyPairError } from '../net/pem-pair'
import { lineFiles } from '../shell/line'
import { workstationHost } from '../shell/workstation'
import { lookupFile } from '../shell/fs-path'
import { bytesOfText } from '../shell/bytes'
import { own } from '../shell/own'

/** newSecretObj, in Go field order (the -o json order); an empty type or data is omitted. */
function secretObject(inv: Invocation, name: string, type: string, data: SecretData): KubeObject {
  const metadata = {
    name,
    ...(inv.namespaceGiven ? { namespace: inv.namespace } : {}),
    creationTimestamp: null,
  }
  const encoded = Object.fromEntries(
    [...data].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, encodeBase64(v)]),
  )
  return {
    kind: 'Secret',
    apiVersion: 'v1',
    metadata,
    ...(data.size ? { data: encoded } : {}),
    ...(type ? { type } : {}),
  } as unknown as KubeObject
}

function submit(inv: Invocation, secret: KubeObject): ProcessResult {
  if (inv.flags.bool('append-hash'))
    return clientError(
      '--append-hash is not supported in this lab terminal; name the Secret yourself',
    )
  // create_secret.go and create_secret_tls.go wrap the server's error, without a colon
  const wrap = (err: ApiError) => `failed to create secret ${err.message}`
  return submitGenerated(inv, secret, { op: 'created', namespaced: true, wrap })
}

/** `kubectl create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key=value]`. */
export function createSecretGenericVerb(inv: Invocation): ProcessResult {
  const name = nameFromArgs(inv)
  if (typeof name !== 'string') return name
  const data: SecretData = new Map()
  const err = addSources(inv, secretAdder(data), 'secret')
  if (err) return clientError(err)
  return submit(inv, secretObject(inv, name, inv.flags.str('type'), data))
}

/** `kubectl create secret tls NAME --cert=path/to/cert/file --key=path/to/key/file`. */
export function createSecretTLSVerb(inv: Invocation): ProcessResult {
  const name = nameFromArgs(inv)
  if (typeof name !== 'string') return name
  const certPath = inv.flags.str('cert')
  const keyPath = inv.flags.str('key')
  if (!certPath || !keyPath) return clientError('key and cert must be specified')
  const files = lineFiles(inv.ctx, 'workstation')
  const cwd = own(inv.env, 'PWD') ?? '/home/learner'
  const read = (path: string) => lookupFile(files, workstationHost(), cwd, path)
  const cert = read(certPath)
  if (cert === undefined)
    return clientError(`Cannot read file ${certPath}, open ${certPath}: no such file or directory`)
  const key = read(keyPath)
  if (key === undefined)
    return clientError(`Cannot read file ${keyPath}, open ${keyPath}: no such file or directory`)
  const pairErr = keyPairError(cert, key)
  if (pairErr) return clientError(pairErr)
  const data: SecretData = new Map([
    ['tls.crt', bytesOfText(cert)],
    ['tls.key', bytesOfText(key)],
  ])
  return submit(inv, secretObject(inv, name, SECRET_TYPE_TLS, data))
}
