// --dry-run as kubectl 1.32 reads it (pkg/cmd/util/helpers.go GetDryRunStrategy).

import type { Invocation } from './invocation'
import type { DryRun } from './names'
import { klogLine } from './errors'
import { parseGoBool } from '../go-bool'

export type DryRunResult =
  { ok: true; value: DryRun; warning: string } | { ok: false; error: string }

/** none/client/server; a bare `--dry-run` or a boolean is the deprecated form and warns through klog. */
export function dryRunOf(inv: Invocation): DryRunResult {
  const raw = inv.flags.str('dry-run', 'none')
  const warn = (msg: string) => klogLine(inv.ctx, 'W', 'helpers.go:702', msg)
  const b = parseGoBool(raw)
  if (b !== undefined) {
    const to = b ? 'client' : 'none'
    const msg = `--dry-run=${raw} is deprecated (boolean value) and can be replaced with --dry-run=${to}.`
    return { ok: true, value: to, warning: klogLine(inv.ctx, 'W', 'helpers.go:716', msg) }
  }
  if (raw === 'unchanged')
    return {
      ok: true,
      value: 'client',
      warning: warn('--dry-run is deprecated and can be replaced with --dry-run=client.'),
    }
  if (raw === 'client' || raw === 'server' || raw === 'none')
    return { ok: true, value: raw, warning: '' }
  return {
    ok: false,
    error: `Invalid dry-run value (${raw}). Must be "none", "server", or "client".`,
  }
}
