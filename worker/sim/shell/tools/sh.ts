// `sh -c '...'`, `bash -c '...'`: a shell inside the container running the script with the
// same interpreter as the terminal, in that shell's dialect (dash, busybox ash, bash).

import { lookupFile } from '../fs-path'
import type { Dialect, Tool } from '../host'

function dialectFor(name: string, flavour: string): Dialect {
  if (name === 'bash' || name === 'zsh') return 'bash-c'
  return flavour === 'dash' ? 'dash' : 'ash'
}

/** sh/bash/ash as a program: `-c script`, a script file, or a script on stdin (`kubectl exec -i`). */
export function shellTool(name: string, flavour: string): Tool {
  return (p) => {
    const args = p.argv.slice(1)
    const c = args.findIndex((a) => /^-[a-z]*c[a-z]*$/.test(a))
    if (c >= 0) {
      const script = args[c + 1]
      if (script === undefined) {
        const msg =
          name === 'bash'
            ? 'bash: -c: option requires an argument\n'
            : name === 'sh' && flavour === 'dash'
              ? 'sh: 0: -c requires an argument\n'
              : 'sh: -c requires an argument\n'
        return { stdout: '', stderr: msg, exitCode: 2 }
      }
      return p.script(script, dialectFor(name, flavour), p.stdin, args.slice(c + 3))
    }
    if (args.length > 0 && !args[0]?.startsWith('-')) {
      const file = args[0] as string
      const text = lookupFile(p.files, p.host, p.env.PWD, file)
      if (text === undefined)
        return {
          stdout: '',
          stderr: `${name}: ${file}: No such file or directory\n`,
          exitCode: 127,
        }
      return p.script(text, dialectFor(name, flavour), p.stdin, args.slice(1))
    }
    if (p.stdin !== '') return p.script(p.stdin, dialectFor(name, flavour), '', [])
    if (!p.host.container) {
      return {
        stdout: '',
        stderr: 'service-lab: this terminal is already a shell: type the commands directly\n',
        exitCode: 0,
      }
    }
    // typed inside a `kubectl exec -it` shell: nesting shells is not simulated, the learner stays put
    if (p.ctx.terminal && p.tty.out)
      return {
        stdout: '',
        stderr: `service-lab: a shell inside this shell is not simulated; keep typing commands here (exit leaves the pod)\n`,
        exitCode: 0,
      }
    return {
      stdout: '',
      stderr: `service-lab: interactive shells are not simulated; run one command at a time, e.g. kubectl exec ${p.host.container?.podName ?? 'POD'} -- ${name} -c 'cat /etc/resolv.conf'\n`,
      exitCode: 0,
    }
  }
}
