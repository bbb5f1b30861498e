// The syntax tree of one terminal line, as a POSIX shell parses it (the subset a learner types:
// pipelines, lists, for/while/if, subshells, substitutions, redirections, here-documents).

/** A piece of a word. `quoted` parts are never split into fields. */
export type WordPart =
  | { t: 'lit'; v: string; quoted: boolean }
  | { t: 'param'; name: string; quoted: boolean; op?: ParamOp }
  | { t: 'cmd'; script: Script; quoted: boolean }
  | { t: 'arith'; expr: string; quoted: boolean }

/** `${VAR:-word}` and friends; `len` is `${#VAR}`. */
export interface ParamOp {
  kind: ':-' | '-' | ':=' | '=' | ':+' | '+' | 'len'
  word: Word
}

export type Word = WordPart[]

export interface Redirect {
  fd: number
  op: '>' | '>>' | '<' | '>&' | '<&' | '&>' | '&>>' | '<<<' | '<<'
  target: Word
  /** here-document body (op `<<`); expanded unless the delimiter was quoted */
  heredoc?: { body: string; expand: boolean; word?: Word }
}

export interface Assignment {
  name: string
  value: Word
}

export interface SimpleCommand {
  type: 'simple'
  assigns: Assignment[]
  words: Word[]
  redirects: Redirect[]
}

export interface ForCommand {
  type: 'for'
  name: string
  /** null: `for x; do` iterates the positional parameters (none here) */
  items: Word[] | null
  body: Script
  redirects: Redirect[]
}

export interface LoopCommand {
  type: 'while' | 'until'
  cond: Script
  body: Script
  redirects: Redirect[]
}

export interface IfCommand {
  type: 'if'
  branches: { cond: Script; body: Script }[]
  otherwise?: Script
  redirects: Redirect[]
}

export interface GroupCommand {
  type: 'subshell' | 'brace'
  body: Script
  redirects: Redirect[]
}

export type Command = SimpleCommand | ForCommand | LoopCommand | IfCommand | GroupCommand

export interface Pipeline {
  negate: boolean
  commands: Command[]
}

export interface AndOr {
  first: Pipeline
  rest: { op: '&&' | '||'; pipeline: Pipeline }[]
  background: boolean
  /** the list as typed (here-documents aside), which `jobs` shows for a background job */
  text: string
}

export interface Script {
  items: AndOr[]
}
