// The syntax tree of the small awk awk-parse.ts reads (rules, statements, expressions), and the
// error a program awk refuses to run raises.

export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; v: string }
  | { k: 'var'; name: string }
  | { k: 'field'; e: Expr }
  | { k: 'index'; name: string; key: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'not'; e: Expr }
  | { k: 'neg'; e: Expr }
  | { k: 'assign'; op: string; target: Expr; e: Expr }
  | { k: 'incr'; op: '++' | '--'; target: Expr; prefix: boolean }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'in'; key: Expr; name: string }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }

export type Stmt =
  | { k: 'print'; args: Expr[] }
  | { k: 'printf'; args: Expr[] }
  | { k: 'expr'; e: Expr }
  | { k: 'if'; c: Expr; then: Stmt; else?: Stmt }
  | { k: 'forin'; v: string; arr: string; body: Stmt }
  | { k: 'for'; init?: Stmt; c?: Expr; step?: Stmt; body: Stmt }
  | { k: 'while'; c: Expr; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' }
  | { k: 'exit'; code?: Expr }

export interface Rule {
  pattern: 'BEGIN' | 'END' | Expr | undefined
  action: Stmt[] | undefined
}

/** A program awk refuses to run (exit 2). */
export class AwkSyntaxError extends Error {}
