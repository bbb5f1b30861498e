// GNU xargs: items from stdin (blank-separated, quotes honoured), appended to the command
// (default `echo`); -I REPLACE runs once per line, -n N takes N items per run, -r skips empty input.

import type { ProcessResult } from '../../context'
import type { Tool } from '../host'
import { getopt } from './opts'

function items(text: string): string[] {
  const out: string[] = []
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1] ?? m[2] ?? m[3] ?? '')
  return out
}

/** GNU xargs over stdin; the command runs on the same host and counts toward the line's limits. */
export const xargs: Tool = (p) => {
  const args = p.argv.slice(1)
  let split = 0
  while (split < args.length && (args[split] as string).startsWith('-')) {
    const a = args[split] as string
    split += /^-[In]$/.test(a) ? 2 : 1
  }
  const o = getopt(args.slice(0, split), 'In0rt', 'In')
  if (o.bad)
    return {
      stdout: '',
      stderr: `xargs: invalid option -- '${o.bad}'\nTry 'xargs --help' for more information.\n`,
      exitCode: 1,
    }
  const command = args.slice(split)
  const base = command.length > 0 ? command : ['echo']
  const runs: string[][] = []
  const replace = o.flags.get('I')
  if (typeof replace === 'string') {
    for (const line of p.stdin
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)) {
      runs.push(base.map((w) => w.split(replace).join(line)))
    }
  } else {
    const all = items(p.stdin)
    const n = o.flags.has('n')
      ? Math.max(1, Number(o.flags.get('n')) || 1)
      : Math.max(1, all.length)
    for (let i = 0; i < all.length; i += n) runs.push([...base, ...all.slice(i, i + n)])
    if (all.length === 0 && !o.flags.has('r') && typeof replace !== 'string') runs.push(base)
  }
  const result: ProcessResult = { stdout: '', stderr: '', exitCode: 0 }
  for (const argv of runs) {
    const r = p.spawn(argv, '')
    result.stdout += r.stdout
    result.stderr += r.stderr
    if (r.exitCode === 127) {
      return {
        ...result,
        stderr:
          result.stderr.replace(/^.*(command )?not found\n$/m, '') +
          `xargs: ${argv[0]}: No such file or directory\n`,
        exitCode: 127,
      }
    }
    if (r.exitCode !== 0) result.exitCode = 123
  }
  return result
}
