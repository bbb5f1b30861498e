// How each shell names itself and a builtin in an error message.
import type { Shell } from './interpreter'

/** `bash: cd: `, `bash: line 1: cd: ` (bash -c), `sh: 1: cd: ` (dash), `sh: cd: ` (ash). */
export function builtinPrefix(sh: Shell, builtin: string): string {
  if (sh.dialect === 'bash') return `bash: ${builtin}: `
  if (sh.dialect === 'bash-c') return `bash: line 1: ${builtin}: `
  return sh.dialect === 'dash' ? `sh: 1: ${builtin}: ` : `sh: ${builtin}: `
}
