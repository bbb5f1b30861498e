// Shell builtins (bash/dash/ash special and regular builtins): the ones a one-line script uses.
// Left out: functions, `shift`, `trap`, `eval`, `source`; `alias` only explains itself.

import type { Env } from '../context'
import type { Io } from './io'
import type { Shell } from './interpreter'
import { echoText, printfCommand } from './tools/echo'
import { runTest } from './tools/test'
import { own } from './own'
import { isDirectory, lookupFile, resolvePath } from './fs-path'
import { historyBuiltin } from './history-builtin'
import { builtinPrefix } from './builtin-prefix'
import { programPath } from './bin-paths'
import { JOB_BUILTINS } from './job-builtins'

export type Builtin = (sh: Shell, argv: string[], io: Io, env: Env) => number

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

const prefix = builtinPrefix

const exportBuiltin: Builtin = (sh, argv, io) => {
  let status = 0
  for (const arg of argv.slice(1)) {
    if (arg === '-p' || arg === '-n') continue
    const eq = arg.indexOf('=')
    const name = eq < 0 ? arg : arg.slice(0, eq)
    if (!NAME.test(name)) {
      io.err.write(`${prefix(sh, 'export')}\`${arg}': not a valid identifier\n`)
      status = 1
      continue
    }
    if (eq >= 0) sh.vars[name] = arg.slice(eq + 1)
    sh.exported.add(name)
  }
  if (argv.length === 1) {
    for (const name of [...sh.exported].sort())
      io.out.write(`declare -x ${name}="${own(sh.vars, name) ?? ''}"\n`)
  }
  return status
}

const read: Builtin = (sh, argv, io) => {
  const names = argv.slice(1).filter((a) => !a.startsWith('-'))
  const line = io.stdin.readLine()
  if (line === undefined) return 1
  const fields = line.trim().split(/[ \t]+/)
  const targets = names.length > 0 ? names : ['REPLY']
  targets.forEach((name, i) => {
    sh.vars[name] = i === targets.length - 1 ? fields.slice(i).join(' ') : (fields[i] ?? '')
  })
  return 0
}

const commandV: Builtin = (sh, argv, io, env) => {
  if (argv[1] !== '-v' && argv[1] !== '-V') {
    const rest = argv.slice(1)
    return rest.length === 0 ? 0 : (own(BUILTINS, rest[0] ?? '') ?? runOther)(sh, rest, io, env)
  }
  let status = 0
  for (const name of argv.slice(2)) {
    if (own(BUILTINS, name)) io.out.write(`${name}\n`)
    else if (sh.host.find(name)) io.out.write(`${programPath(sh.host, name)}\n`)
    else status = 1
  }
  return status
}

const runOther: Builtin = () => 127

const type: Builtin = (sh, argv, io) => {
  let status = 0
  for (const name of argv.slice(1)) {
    if (own(BUILTINS, name)) io.out.write(`${name} is a shell builtin\n`)
    else if (sh.host.find(name)) io.out.write(`${name} is ${programPath(sh.host, name)}\n`)
    else {
      io.err.write(
        sh.dialect.startsWith('bash')
          ? `${prefix(sh, 'type')}${name}: not found\n`
          : `${name}: not found\n`,
      )
      status = 1
    }
  }
  return status
}

/** cd: checks the directory exists (bash/dash/ash wording), keeps OLDPWD, `cd -` prints where it went. */
const changeDirectory: Builtin = (sh, argv, io) => {
  const args = argv.slice(1).filter((a) => a !== '-L' && a !== '-P' && a !== '--')
  if (args.length > 1 && sh.dialect.startsWith('bash')) {
    io.err.write(`${prefix(sh, 'cd')}too many arguments
`)
    return 1
  }
  const cwd = own(sh.vars, 'PWD') ?? '/'
  let target = args[0] ?? own(sh.vars, 'HOME') ?? '/'
  if (target === '-') {
    const old = own(sh.vars, 'OLDPWD')
    if (old === undefined) {
      io.err.write(`${prefix(sh, 'cd')}OLDPWD not set
`)
      return 1
    }
    target = old
  }
  const dir = resolvePath(cwd, target)
  if (!isDirectory(sh.host, sh.files, dir, own(sh.vars, 'HOME'))) {
    const isFile = lookupFile(sh.files, sh.host, cwd, target) !== undefined
    io.err.write(cdError(sh, target, isFile ? 'Not a directory' : 'No such file or directory'))
    return sh.dialect === 'dash' ? 2 : 1
  }
  sh.vars.OLDPWD = cwd
  sh.vars.PWD = dir
  sh.exported.add('OLDPWD')
  sh.exported.add('PWD')
  if (args[0] === '-') io.out.write(`${dir}\n`)
  return 0
}

function cdError(sh: Shell, target: string, why: string): string {
  if (sh.dialect === 'dash') return `sh: 1: cd: can't cd to ${target}\n`
  if (sh.dialect === 'ash') return `sh: cd: can't cd to ${target}: ${why}\n`
  return `${prefix(sh, 'cd')}${target}: ${why}\n`
}

export const BUILTINS: Record<string, Builtin> = {
  ...JOB_BUILTINS,
  ':': () => 0,
  history: historyBuiltin,
  true: () => 0,
  false: () => 1,
  echo: (sh, argv, io) => {
    io.out.write(echoText(argv.slice(1), sh.dialect === 'dash'))
    return 0
  },
  printf: (sh, argv, io) => {
    const r = printfCommand(argv)
    io.out.write(r.stdout)
    if (r.stderr) io.err.write(`${prefix(sh, 'printf')}${r.stderr}`)
    return r.exitCode
  },
  export: exportBuiltin,
  unset: (sh, argv) => {
    for (const name of argv.slice(1)) {
      delete sh.vars[name]
      sh.exported.delete(name)
    }
    return 0
  },
  cd: changeDirectory,
  pwd: (sh, _argv, io) => {
    io.out.write(`${sh.vars.PWD ?? sh.vars.HOME ?? '/'}\n`)
    return 0
  },
  exit: (sh, argv) => {
    sh.exited = true
    sh.status = argv[1] !== undefined && /^\d+$/.test(argv[1]) ? Number(argv[1]) % 256 : sh.status
    return sh.status
  },
  set: () => 0,
  // every line starts a fresh shell here, so an alias could never be used: say so instead
  alias: (sh, argv, io) => {
    if (argv.length > 1 && sh.dialect === 'bash')
      io.err.write(
        'service-lab: aliases are not kept from one line to the next in this terminal; type the command in full\n',
      )
    return 0
  },
  read,
  command: commandV,
  type,
  test: (sh, argv, io) => runTest(argv.slice(1), io.err, prefix(sh, 'test')),
  '[': (sh, argv, io) => {
    if (argv[argv.length - 1] !== ']') {
      io.err.write(`${prefix(sh, '[')}missing \`]'\n`)
      return 2
    }
    return runTest(argv.slice(1, -1), io.err, prefix(sh, '['))
  },
}
