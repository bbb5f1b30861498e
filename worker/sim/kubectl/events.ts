// `kubectl events` (kubectl pkg/cmd/events): the namespace's events, oldest first (SortableEvents,
// by lastTimestamp, with Go's unstable sort.Sort: go-sort.ts leaves equal times where it leaves
// them, above 12 events too), OBJECT as `Kind/name`, LAST SEEN as `5m (x3 over 10m)` for a
// repeated event (EventPrinter); --for=TYPE/NAME narrows to one object and --types to
// Normal/Warning, through field selectors. -o and --watch print as `get`.

import type { ProcessResult } from '../context'
import type { Invocation } from './invocation'
import { clientError } from './errors'
import { kubectlGet } from './get'
import { resolveTypes } from './resource-args'
import type { KubeEvent, KubeObject } from '../objects/types'
import { printObjects } from './api'
import { listObjects, parseTimestamp } from '../state'
import { matchesFields, parseFieldSelector } from './printers/field-selector'
import { ageSince } from './printers/duration'
import { printTable } from './printers/table'
import { goSort } from './go-sort'

/** `kubectl events [--for=TYPE/NAME] [--types=Warning] [-A]`. */
export function eventsVerb(inv: Invocation): ProcessResult {
  const selectors: string[] = []
  const target = inv.flags.str('for')
  if (target) {
    const [type, name] = target.split('/')
    const r = resolveTypes(type ?? '')
    if (!name || 'unknown' in r) return clientError(`--for must be in resource/name form`)
    selectors.push(`involvedObject.kind=${r.kinds[0]}`, `involvedObject.name=${name}`)
  }
  const types = inv.flags.list('types')
  if (types.length > 1) return clientError('--types supports one type in this lab terminal')
  if (types[0]) selectors.push(`type=${types[0]}`)
  const output = inv.flags.str('output')
  if (!inv.flags.bool('watch')) {
    if (!output) return printEvents(inv, selectors.join(','))
    if (output === 'json' || output === 'yaml' || output === 'name')
      return printEventList(inv, selectors.join(','), output)
  }
  return kubectlGet(inv.ctx, {
    resources: ['events'],
    namespace: inv.namespace,
    allNamespaces: inv.flags.bool('all-namespaces'),
    output: inv.flags.str('output') || undefined,
    fieldSelector: selectors.join(',') || undefined,
    showLabels: false,
    noHeaders: inv.flags.bool('no-headers'),
    watch: inv.flags.bool('watch'),
  })
}

/** events.go getInterval: the last time, with the count and the first time when repeated. */
function interval(e: KubeEvent, now: number): string {
  const first = ageSince(e.firstTimestamp, now)
  if ((e.count ?? 0) > 1) return `${ageSince(e.lastTimestamp, now)} (x${e.count} over ${first})`
  return first
}

const sortTime = (e: KubeEvent) => parseTimestamp(e.lastTimestamp || e.firstTimestamp || '')

/** The events kubectl lists and filters, sorted as SortableEvents sorts them. */
function sortedEvents(inv: Invocation, fieldSelector: string): KubeEvent[] {
  const all = inv.flags.bool('all-namespaces')
  const fields = parseFieldSelector(fieldSelector)
  const reqs = 'requirements' in fields ? fields.requirements : []
  return goSort(
    listObjects<KubeEvent>(inv.ctx.s, 'Event', all ? undefined : inv.namespace).filter((e) =>
      matchesFields(e, reqs),
    ),
    (a, b) => sortTime(a) < sortTime(b),
  )
}

/**
 * `-o json|yaml`: the sorted list as the typed corev1.EventList kubectl holds (struct order in
 * JSON, `metadata: {}`); `-o name` prints nothing for it.
 */
function printEventList(inv: Invocation, fieldSelector: string, output: string): ProcessResult {
  const events = sortedEvents(inv, fieldSelector)
  if (events.length === 0) return printEvents(inv, fieldSelector)
  if (output === 'name') return { stdout: '', stderr: '', exitCode: 0 }
  const list = { kind: 'EventList', apiVersion: 'v1', metadata: {}, items: events }
  const r = printObjects([list as unknown as KubeObject], output, { typed: true })
  return { ...r, exitCode: 0 }
}

function printEvents(inv: Invocation, fieldSelector: string): ProcessResult {
  const all = inv.flags.bool('all-namespaces')
  const events = sortedEvents(inv, fieldSelector)
  if (events.length === 0) {
    const where = all ? '' : ` in ${inv.namespace} namespace`
    return { stdout: '', stderr: `No events found${where}.\n`, exitCode: 0 }
  }
  const rows = events.map((e) => [
    ...(all ? [e.metadata.namespace ?? ''] : []),
    interval(e, inv.ctx.now),
    e.type,
    e.reason,
    `${e.involvedObject.kind}/${e.involvedObject.name}`,
    (e.message ?? '').trim(),
  ])
  const header = [...(all ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']
  const noHeaders = inv.flags.bool('no-headers')
  return { stdout: printTable(noHeaders ? rows : [header, ...rows]), stderr: '', exitCode: 0 }
}
