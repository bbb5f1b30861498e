// zod at the edge: every body and parameter goes through a schema before a handler sees it.
import type { Context } from 'hono'
import * as z from 'zod/mini'
import { AppError, invalidInput } from './errors'
import type { AppContext } from './env'
import { readRequestBody } from './read-body'
import { issueSentence } from '../labs/format/issues'

export const MAX_BODY_BYTES = 1024 * 1024

/** Reads a JSON body (at most 1 MiB) and validates it; errors are 400/413/415 in the API's shape. */
export async function readJson<T>(c: AppContext, schema: z.ZodMiniType<T>): Promise<T> {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/json\b/i.test(type)) {
    throw new AppError(
      415,
      'unsupported_media_type',
      'Send the request body as JSON (Content-Type: application/json).',
    )
  }
  const declared = Number(c.req.header('content-length') ?? '0')
  if (declared > MAX_BODY_BYTES) throw tooLarge()
  const text = new TextDecoder().decode(await readRequestBody(c, MAX_BODY_BYTES, tooLarge))
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw invalidInput('The request body is not valid JSON.')
  }
  return parseWith(schema, body)
}

const tooLarge = () =>
  new AppError(413, 'payload_too_large', 'The request body is larger than 1 MiB.')

export function parseWith<T>(schema: z.ZodMiniType<T>, value: unknown): T {
  const r = schema.safeParse(value)
  if (r.success) return r.data
  const issue = r.error.issues[0]
  const field = issue?.path.map(String).join('.') || undefined
  const message = issue ? describeIssue(field, issue, value) : 'The request is not valid.'
  throw invalidInput(message, field)
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (v, k) =>
      v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined,
    value,
  )
}

/**
 * Our own messages are sentences that name what is wrong ("Enter a valid email address."); zod's
 * generic ones ("Invalid input") become a sentence saying what was expected, after the field.
 */
function describeIssue(field: string | undefined, issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.message.endsWith('.') && !/^Invalid input/.test(issue.message)) return issue.message
  const said = issueSentence(issue, valueAt(value, issue.path))
  if (field) return `${field}: ${said}`
  return issue.code === 'invalid_type' ? 'The request body must be a JSON object.' : said
}

/** Route parameters are checked too: ids are short opaque strings. */
export const idParam = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/))

export function param(c: Context, name: string): string {
  const value = c.req.param(name)
  const r = idParam.safeParse(value)
  if (!r.success) throw new AppError(404, 'not_found', 'That does not exist, or is not yours.')
  return r.data
}
