// Temporary bridge to modules written in parallel; replaced by direct imports once they exist.

import type { Ctx, Env, ProcessResult } from '../context'

export { settle } from '../controllers/settle'

export function kubectl(_ctx: Ctx, _argv: string[], _stdin: string, _env: Env): ProcessResult {
  return { stdout: '', stderr: 'kubectl: not wired yet\n', exitCode: 1 }
}
