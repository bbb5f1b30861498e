// zod/mini carries no message catalogue (it keeps the Worker small): issues without a message of
// our own get a sentence here, saying what was expected.
import type * as z from 'zod/mini'

const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`)

function typeName(v: unknown): string {
  if (v === undefined) return 'nothing'
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'a list'
  return typeof v === 'object' ? 'a mapping' : article(typeof v)
}

function sizeWord(origin: string | undefined, n: number): string {
  if (origin === 'string') return `${n} character${n === 1 ? '' : 's'}`
  if (origin === 'array') return `${n} item${n === 1 ? '' : 's'}`
  return String(n)
}

/** The issue as a sentence a person can act on. */
export function issueSentence(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.message && !/^Invalid input/.test(issue.message)) return issue.message
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined
        ? `This is required (${article(issue.expected)}).`
        : `Expected ${article(issue.expected)}, found ${typeName(input)}.`
    case 'unrecognized_keys':
      return `Unknown key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.`
    case 'invalid_value':
      return `Must be ${issue.values.length > 1 ? 'one of: ' : ''}${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`
    case 'too_small':
      return `Must have at least ${sizeWord(issue.origin, Number(issue.minimum))}.`
    case 'too_big':
      return `May have at most ${sizeWord(issue.origin, Number(issue.maximum))}.`
    case 'invalid_format':
      return 'This is not in the expected format.'
    default:
      return 'This value is not valid here.'
  }
}
