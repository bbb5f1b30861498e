// Expansion bound to one shell process (interpreter.ts's Shell): its parameters, assignments,
// command substitution and arithmetic, as expand.ts asks for them.

import type { Script } from './ast'
import { ExpansionError, type Expander } from './expand'
import { evalArith } from './arith'
import type { Shell } from './interpreter'
import { Input, Sink, type Io } from './io'
import { own } from './own'

/**
 * Expansion bound to a shell: a class, so its methods are made once rather than as four closures
 * for every simple command (each a defineProperty once bundled with keepNames).
 */
export class ShellExpander implements Expander {
  readonly home: string
  readonly braces: boolean

  constructor(
    private readonly sh: Shell,
    private readonly io: Io,
  ) {
    this.home = own(sh.vars, 'HOME') ?? '/root'
    this.braces = sh.dialect === 'bash' || sh.dialect === 'bash-c'
  }

  param(name: string): string | undefined {
    return this.sh.param(name)
  }

  assign(name: string, value: string): void {
    this.sh.vars[name] = value
  }

  substitute(script: Script): string {
    const sh = this.sh
    const sub = sh.subshell()
    const out = new Sink(sh.budget)
    sub.runScript(script, { stdin: new Input(''), out, err: sh.errOut ?? this.io.err })
    sh.substStatus = sub.status
    return out.text().replace(/\n+$/, '')
  }

  arith(expr: string): string {
    const vars = this.sh.vars
    const r = evalArith(
      expr.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, n: string) => own(vars, n) ?? ''),
      (n) => own(vars, n),
    )
    if (r.ok) return String(r.value)
    throw new ExpansionError(`${this.sh.dialect === 'bash' ? 'bash' : 'sh'}: ${r.error}\n`)
  }
}
