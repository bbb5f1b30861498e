// What a kubectl verb runs with once cobra has found the command and pflag has parsed its flags.

import type { Ctx, Env, ProcessResult } from '../context'
import type { Flags } from './flags'

export interface Invocation {
  ctx: Ctx
  /** `kubectl create deployment`: what cobra calls CommandPath(), for usage hints */
  commandPath: string
  flags: Flags
  /** positional arguments (after the command words), including those after `--` */
  args: string[]
  /** position of `--` in args, -1 when absent */
  argsLenAtDash: number
  /** `-n` or the context's namespace (`default`) */
  namespace: string
  /** true when `-n`/`--namespace` was given (kubectl's EnforceNamespace) */
  namespaceGiven: boolean
  stdin: string
  env: Env
}

export type Verb = (inv: Invocation) => ProcessResult

/** A node of kubectl's cobra tree. A command without `run` is a group that prints its help. */
export interface CommandNode {
  name: string
  aliases?: string[]
  run?: Verb
  /** cobra MarkFlagRequired */
  required?: string[]
  children?: CommandNode[]
  /** where a group's help goes when called bare (kubectl differs per group) */
  helpToStdout?: boolean
  /** not simulated: runs without flag parsing and says so */
  unsupported?: boolean
}
