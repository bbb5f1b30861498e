// The last request as an ordered list of hops: the text version of the animation.

import type { TraceEntry } from '../types'
import { originText } from './trace-path'

const OUTCOME: Record<TraceEntry['outcome'], string> = {
  answered: 'answered',
  refused: 'connection refused',
  timeout: 'timed out',
  nxdomain: 'name not found',
  unreachable: 'no route to the address',
}

export function TraceList({ entry, open }: { entry: TraceEntry; open: boolean }) {
  return (
    <details class="trace-list" open={open}>
      <summary>
        Last request: <code>{entry.request}</code> from {originText(entry)}:{' '}
        {OUTCOME[entry.outcome] ?? entry.outcome}
      </summary>
      <ol aria-label="Request hops">
        {entry.hops.map((h, i) => (
          <li key={i} class={h.ok ? 'hop-ok' : 'hop-failed'}>
            <span class="hop-mark">{h.ok ? '✓ ok' : '✗ failed'}</span>{' '}
            <span class="hop-kind">{h.kind}</span> {h.label}
            {h.detail && <span class="muted"> ({h.detail})</span>}
          </li>
        ))}
      </ol>
      {entry.diagnosis && (
        <p class="diagnosis">
          <strong>Service Lab explains:</strong> {entry.diagnosis}
        </p>
      )}
    </details>
  )
}
