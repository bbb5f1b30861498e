// How each shell reports a syntax error: bash, `bash -c`, dash (Debian/Ubuntu `sh`), busybox ash.

import type { Dialect } from './host'
import type { ShellSyntaxError } from './syntax-error'

/** The stderr text for a syntax error (exit status 2 in every shell). */
export function syntaxErrorText(d: Dialect, e: ShellSyntaxError, src = ''): string {
  if (d === 'bash') return `bash: ${e.message}\n`
  if (d === 'bash-c') {
    const echo = e.kind === 'token' ? `bash: -c: line 1: \`${src}'\n` : ''
    return `bash: -c: line 1: ${e.message}\n${echo}`
  }
  if (d === 'dash') {
    if (e.kind === 'token') return `sh: 1: Syntax error: "${e.token}" unexpected\n`
    if (e.kind === 'eof') return 'sh: 1: Syntax error: end of file unexpected\n'
    if (e.kind === 'quote') return 'sh: 1: Syntax error: Unterminated quoted string\n'
    return `sh: 1: ${e.message}\n`
  }
  if (e.kind === 'token') return `sh: syntax error: unexpected "${e.token}"\n`
  if (e.kind === 'eof') return 'sh: syntax error: unexpected end of file\n'
  if (e.kind === 'quote') return 'sh: syntax error: unterminated quoted string\n'
  return `sh: ${e.message}\n`
}
