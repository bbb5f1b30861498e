// Same-origin JSON calls to the Service Lab API; errors become ApiError with a sentence to show.

import { fetchGet } from './get-reask'
import { navigate } from './router'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly retryAfter?: number,
  ) {
    super(message)
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; field?: string }
}

let onUnauthenticated: (() => void) | undefined

/** Lets the app forget its user when the session is found to be gone. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler
}

function sentence(status: number): string {
  if (status === 404) return 'That was not found. It may have been removed, or the link is wrong.'
  if (status === 429) return 'Too many attempts. Please wait a moment and try again.'
  if (status >= 500) return 'The server had a problem answering. Please try again in a moment.'
  return 'The request was not accepted. Please check what you entered and try again.'
}

async function failure(res: Response): Promise<ApiError> {
  let body: ErrorBody = {}
  try {
    body = (await res.json()) as ErrorBody
  } catch {
    // not JSON: fall back to a generic sentence
  }
  const retry = Number(res.headers.get('Retry-After'))
  const message = body.error?.message || sentence(res.status)
  return new ApiError(
    res.status,
    body.error?.code ?? 'error',
    message,
    body.error?.field,
    retry || undefined,
  )
}

export interface RequestOptions {
  /** when false, a 401 is returned to the caller instead of sending the learner to log in */
  redirectOn401?: boolean
  /** aborts the request (the abort is thrown as is, not as an ApiError) */
  signal?: AbortSignal
}

/** Sends a request; on 401 (session lost) sends the learner to /login?next=<here>. */
async function send(
  method: string,
  path: string,
  body: unknown,
  opts: RequestOptions & { accept?: string },
): Promise<Response> {
  const accept = opts.accept ?? 'application/json'
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: { Accept: accept },
    signal: opts.signal,
  }
  if (method !== 'GET') {
    init.headers = { Accept: accept, 'Content-Type': 'application/json' }
    init.body = JSON.stringify(body ?? {})
  }
  let res: Response
  try {
    // a GET left unanswered is asked again once (get-reask.ts); nothing else is sent twice
    res = method === 'GET' ? await fetchGet(path, init, opts.signal) : await fetch(path, init)
  } catch (err) {
    if (opts.signal?.aborted) throw err
    throw new ApiError(
      0,
      'network',
      'The server could not be reached. Check your connection and try again.',
    )
  }
  if (res.status === 401 && opts.redirectOn401 !== false) {
    onUnauthenticated?.()
    const here = location.pathname + location.search
    navigate(`/login?next=${encodeURIComponent(here)}`, { replace: true })
  }
  if (!res.ok) throw await failure(res)
  return res
}

/** Calls the API; on 401 (session lost) sends the learner to /login?next=<here>. */
export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  opts: RequestOptions = {},
): Promise<T> {
  const res = await send(method, path, body, opts)
  if (res.status === 204) return undefined as T
  return (await res.json()) as T
}

/** POSTs and hands back the response unread, for answers that stream (NDJSON). */
export function apiStream(path: string, body: unknown, signal: AbortSignal): Promise<Response> {
  return send('POST', path, body, { signal, accept: 'application/x-ndjson, application/json' })
}

/** A sentence for any thrown value, for showing next to the action that failed. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.message
  return 'Something went wrong. Please try again.'
}
