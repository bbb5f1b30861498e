// `kubectl` on the learner's workstation: cobra's command lookup, pflag parsing, help, required
// flags, then the verb. Models k8s.io/kubectl pkg/cmd/cmd.go + spf13/cobra's Find/execute; leaves
// out plugins, kubeconfig files and the (unimplemented) verbs listed as unsupported in commands.ts.

import type { Ctx, Env, ProcessResult } from '../context'
import { Flags, GLOBAL_FLAGS, parseFlags, withGlobalFlags, type FlagSpec } from './flags'
import { flagSpecs, helpText } from './help'
import type { CommandNode } from './invocation'
import { ROOT } from './commands'
import { flagError, requiredFlagsError, usageError } from './errors'
import { suggestCommands } from './suggest'
import { CONTEXT, contextNamespace } from './kubeconfig'

function takesValue(word: string, specs: FlagSpec[]): boolean {
  const long = word.startsWith('--')
  const name = long ? word.slice(2) : word.slice(1)
  const f = specs.find((s) => (long ? s.name === name : s.short === name))
  return !(f && (f.type === 'bool' || f.noOptDefault !== undefined))
}

/** cobra's stripFlags: the non-flag words, and where each sits in argv. */
function positionals(argv: string[], specs: FlagSpec[]): number[] {
  const out: number[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    if (a === '--') break
    const longWithValue = a.startsWith('--') && !a.includes('=')
    const shortWithValue = a.startsWith('-') && !a.startsWith('--') && a.length === 2
    if ((longWithValue || shortWithValue) && takesValue(a, specs)) i++
    else if (a !== '' && !a.startsWith('-')) out.push(i)
  }
  return out
}

/** The command's flags plus the global ones it does not shadow (kept: a command path's are fixed). */
function specsFor(path: string): FlagSpec[] {
  const kept = SPECS.get(path)
  if (kept) return kept
  const specs = withGlobalFlags(flagSpecs(path))
  SPECS.set(path, specs)
  return specs
}

const SPECS = new Map<string, FlagSpec[]>()

interface Found {
  node: CommandNode
  words: string[]
  rest: string[]
}

/** cobra's Find: descends by the first positional word while it names a child command. */
function findCommand(argv: string[]): Found {
  let node = ROOT
  const words: string[] = []
  let rest = argv
  while (node.children && !node.unsupported) {
    const idx = positionals(rest, specsFor(words.join(' ')))[0]
    if (idx === undefined) break
    const word = rest[idx] as string
    const child = node.children.find((c) => c.name === word || (c.aliases ?? []).includes(word))
    if (!child) break
    node = child
    words.push(child.name)
    rest = [...rest.slice(0, idx), ...rest.slice(idx + 1)]
  }
  return { node, words, rest }
}

function unknownRootCommand(word: string): ProcessResult {
  const names = (ROOT.children ?? []).map((c) => c.name)
  const hits = suggestCommands(word, names)
  const tail =
    hits.length > 0 ? `\n\nDid you mean this?\n${hits.map((h) => `\t${h}\n`).join('')}` : ''
  return {
    stdout: '',
    stderr: `Error: unknown command "${word}" for "kubectl"${tail}\n`,
    exitCode: 1,
  }
}

/** cobra's implicit `help [command]`: that command's help, or the unknown-topic notice and usage. */
function helpCommand(topic: string[]): ProcessResult {
  const words = topic.filter((w) => !w.startsWith('-'))
  const found = findCommand(words)
  if (found.rest.filter((w) => !w.startsWith('-')).length === 0)
    return { stdout: helpText(found.words.join(' ')) ?? '', stderr: '', exitCode: 0 }
  const root = helpText('') ?? ''
  const usage = root.slice(root.indexOf('Basic Commands'))
  return {
    stdout: '',
    stderr: `Unknown help topic [\`${words.join(' ')}\`]\n\n\n${usage}`,
    exitCode: 0,
  }
}

/** Runs one kubectl command line (argv without the word `kubectl`). Never throws for bad input. */
export function kubectl(ctx: Ctx, argv: string[], stdin: string, env: Env): ProcessResult {
  const { node, words, rest } = findCommand(argv)
  const path = words.join(' ')
  const commandPath = ['kubectl', ...words].join(' ')
  if (node.unsupported && node.run)
    return node.run(
      invocation(
        ctx,
        commandPath,
        new Flags({ values: new Map(), args: rest, argsLenAtDash: -1 }),
        stdin,
        env,
      ),
    )
  if (node === ROOT) {
    const first = positionals(rest, GLOBAL_FLAGS)[0]
    if (first !== undefined && rest[first] === 'help') return helpCommand(rest.slice(first + 1))
    if (first !== undefined) return unknownRootCommand(rest[first] as string)
  }
  const parsed = parseFlags(rest, flagSpecs(path))
  if (!parsed.ok) return flagError(commandPath, parsed.error)
  const flags = new Flags(parsed.flags)
  const help = helpText(path) ?? ''
  if (flags.bool('help')) return { stdout: help, stderr: '', exitCode: 0 }
  if (!node.run) {
    const extra = flags.args[0]
    if (extra !== undefined) return usageError(commandPath, `unknown command "${extra}"`)
    if (node === ROOT) return { stdout: help, stderr: '', exitCode: 0 }
    return node.helpToStdout
      ? { stdout: help, stderr: '', exitCode: 1 }
      : { stdout: '', stderr: help, exitCode: 1 }
  }
  const context = flags.str('context')
  if (context && context !== CONTEXT)
    return {
      stdout: '',
      stderr: `Error in configuration: context was not found for specified context: ${context}\n`,
      exitCode: 1,
    }
  const missing = (node.required ?? []).filter((r) => !flags.has(r))
  if (missing.length > 0) return requiredFlagsError(ctx, missing)
  return node.run(invocation(ctx, commandPath, flags, stdin, env))
}

function invocation(ctx: Ctx, commandPath: string, flags: Flags, stdin: string, env: Env) {
  const ns = flags.str('namespace')
  return {
    ctx,
    commandPath,
    flags,
    args: flags.args,
    argsLenAtDash: flags.parsed.argsLenAtDash,
    namespace: ns || contextNamespace(ctx.s) || 'default',
    namespaceGiven: ns !== '',
    stdin,
    env,
  }
}

/**
 * The invocation `kubectl argv` would run with, without running it (for commands that stream:
 * worker/sim/stream). Undefined for help, unknown or unsupported commands and bad flags.
 */
export function parseKubectl(
  ctx: Ctx,
  argv: string[],
  stdin: string,
  env: Env,
): ReturnType<typeof invocation> | undefined {
  const { node, words, rest } = findCommand(argv)
  if (node.unsupported || !node.run) return undefined
  const parsed = parseFlags(rest, flagSpecs(words.join(' ')))
  if (!parsed.ok) return undefined
  const flags = new Flags(parsed.flags)
  if (flags.bool('help')) return undefined
  return invocation(ctx, ['kubectl', ...words].join(' '), flags, stdin, env)
}
