// The non-table half of `kubectl get` (get.go printGeneric): one named object prints as itself,
// anything else as a client-side `List` (apiVersion v1, metadata.resourceVersion ""), sorted by
// --sort-by when asked.

import type { KubeObject } from '../../objects/types'
import type { GetArgs } from '../get'
import type { Info } from './get-fetch'
import { printOne, type PrintResult } from './output'
import { sortByJsonPath } from './sort-by'

const GET_FORMATS =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml'

/** singleItem: exactly one name was asked for (`get pod x`, `get pod/x`); if it failed only the error prints. */
export function printGenericInfos(
  infos: Info[],
  args: GetArgs,
  singleItem: boolean,
  failed: boolean,
): PrintResult {
  if (singleItem && failed) return { stdout: '', stderr: '', exitCode: 0 }
  const objects = infos.flatMap((i) => i.objects)
  if (objects.length === 0 && args.ignoreNotFound) return { stdout: '', stderr: '', exitCode: 0 }
  const single = singleItem && objects.length === 1
  let items: KubeObject[] = objects
  if (!single && args.sortBy && items.length > 0) {
    const sorted = sortByJsonPath(items, args.sortBy)
    if ('error' in sorted) return { stdout: '', stderr: `error: ${sorted.error}\n`, exitCode: 1 }
    items = sorted.objects
  }
  const target = single
    ? objects[0]
    : { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }
  return printOne(target, args.output ?? '', {
    noHeaders: args.noHeaders,
    allowMissingTemplateKeys: args.allowMissingTemplateKeys,
    allowedFormats: GET_FORMATS,
  })
}
