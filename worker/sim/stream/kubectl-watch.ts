// `kubectl get ... -w` (kubectl pkg/cmd/get/get.go watch, TERMINAL-FACTS B6): the initial list
// (unless --watch-only), then one row per watch event, forever. The header is printed once; column
// widths only grow (liggitt/tabwriter RememberWidths, minwidth 6, padding 3); --output-watch-events
// adds EVENT. Events come from re-reading the cluster: a new or changed resourceVersion is ADDED
// or MODIFIED, a vanished object DELETED (with its last known row); a new pod also gets the
// Pending events before it (watch-pod-start.ts). Left out: BOOKMARK/ERROR.

import type { Invocation } from '../kubectl/invocation'
import { fetchOptions, type GetArgs } from '../kubectl/get'
import { resolveTargets } from '../kubectl/printers/get-targets'
import { fetchTarget } from '../kubectl/printers/get-fetch'
import { humanRows } from '../kubectl/printers/human'
import { TABLES } from '../kubectl/printers/tables'
import { cellWidth } from '../kubectl/printers/table'
import { printObjects } from '../kubectl/printers/output'
import { RESOURCES } from '../objects/resources'
import type { KubeObject } from '../objects/types'
import { replay, runOnce } from './sync'
import { withPodStart } from './watch-pod-start'
import { KUBECTL_INTERRUPT, type EventType, type Pause, type StreamProc } from './types'

function getArgs(inv: Invocation): GetArgs {
  const f = inv.flags
  return {
    resources: inv.args,
    namespace: inv.namespace,
    allNamespaces: f.bool('all-namespaces'),
    output: f.str('output') || undefined,
    selector: f.str('selector') || undefined,
    fieldSelector: f.str('field-selector') || undefined,
    showLabels: f.bool('show-labels'),
    noHeaders: f.bool('no-headers'),
    labelColumns: f.has('label-columns') ? f.list('label-columns') : undefined,
  }
}

const key = (o: KubeObject) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`

/** A table whose widths are remembered between rows. */
class WatchTable {
  widths: number[] = []
  headerDone = false

  format(rows: string[][]): string {
    for (const row of rows)
      row.forEach((c, i) => {
        if (i < row.length - 1) this.widths[i] = Math.max(this.widths[i] ?? 6, cellWidth(c) + 3)
      })
    return rows
      .map((row) =>
        row
          .map((c, i) =>
            i < row.length - 1 ? c + ' '.repeat((this.widths[i] ?? 0) - cellWidth(c)) : c,
          )
          .join(''),
      )
      .map((l) => `${l}\n`)
      .join('')
  }
}

export function* watchGet(p: StreamProc, inv: Invocation): Generator<Pause, number, void> {
  p.onInterrupt(KUBECTL_INTERRUPT)
  const args = getArgs(inv)
  const watchOnly = inv.flags.bool('watch-only')
  const events = inv.flags.bool('output-watch-events')
  const first = runOnce(p)
  if (first.exitCode !== 0) {
    replay(p, first)
    return first.exitCode
  }
  const targets = resolveTargets(args.resources)
  if ('error' in targets) return 1
  const opts = fetchOptions(args)
  const current = (): Map<string, KubeObject> => {
    const out = new Map<string, KubeObject>()
    for (const t of targets.targets) {
      const r = fetchTarget(p.ctx.s, t, opts)
      if (!('error' in r)) for (const o of r.objects) out.set(key(o), o)
    }
    return out
  }
  const table = new WatchTable()
  const print = (list: [EventType, KubeObject][]) => {
    if (list.length > 0) p.io.out.write(render(p, args, table, list, events))
  }
  const snapshot = (m: Map<string, KubeObject>) =>
    new Map([...m].map(([k, o]) => [k, structuredClone(o)]))
  let seen = snapshot(current())
  if (events && !watchOnly) print([...seen.values()].map((o) => ['ADDED', o]))
  else if (!watchOnly) {
    // the initial list as the one-shot command printed it; its widths are remembered
    replay(p, first)
    if (first.stdout !== '')
      render(
        p,
        args,
        table,
        [...seen.values()].map((o) => ['ADDED', o]),
        false,
      )
  }
  let looked = p.ctx.now
  for (;;) {
    yield { until: p.ctx.now + 1000, onChange: true }
    const since = looked
    looked = p.ctx.now
    const now = current()
    const changes: [EventType, KubeObject][] = []
    for (const [k, o] of now) {
      const before = seen.get(k)
      if (!before) changes.push(['ADDED', o])
      else if (before.metadata.resourceVersion !== o.metadata.resourceVersion)
        changes.push(['MODIFIED', o])
    }
    changes.sort(
      (a, b) => Number(a[1].metadata.resourceVersion) - Number(b[1].metadata.resourceVersion),
    )
    for (const [k, o] of seen) if (!now.has(k)) changes.push(['DELETED', o])
    seen = snapshot(now)
    // tables only: -o yaml/json/name print each pod once, as it is when seen. kubectl flushes
    // its table after each event, so a row is as wide as the rows before it, not after it
    for (const change of human(args) ? withPodStart(changes, since) : changes) print([change])
  }
}

const human = (args: GetArgs) => !args.output || args.output === 'wide'

function render(
  p: StreamProc,
  args: GetArgs,
  table: WatchTable,
  list: [EventType, KubeObject][],
  events: boolean,
): string {
  if (!human(args))
    return list
      .map(([, o]) => printObjects([o], args.output ?? '', { noHeaders: args.noHeaders }).stdout)
      .join('')
  const rows: string[][] = []
  for (const [event, o] of list) {
    const kind = o.kind as keyof typeof TABLES
    const withHeader = !table.headerDone && !args.noHeaders
    const r = humanRows(TABLES[kind], [o], p.ctx.now, {
      wide: args.output === 'wide',
      noHeaders: !withHeader,
      withNamespace: args.allNamespaces && RESOURCES[kind].namespaced,
      showLabels: args.showLabels,
      labelColumns: args.labelColumns ?? [],
    })
    if (withHeader) table.headerDone = true
    const cells = events
      ? r.map((c, i) => [i === 0 && withHeader ? 'EVENT' : event.padEnd(8), ...c])
      : r
    rows.push(...cells)
  }
  return table.format(rows)
}
