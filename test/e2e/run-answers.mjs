/* global setTimeout, clearTimeout */
// The answers to the page's `POST /api/clusters/:id/run` requests, read as they pass a route.
//
// Why one route for the page's whole life: Chromium starts intercepting a renderer's requests a
// little after `Fetch.enable` (what `page.route` sends) returns. A route added just before a
// keypress could miss the request that keypress sends: it then went straight to the server, the
// terminal showed the answer, and the route never saw it (issue 12's "known flake"; under load
// about one run in three). So `recordRuns` adds the route once, before the page loads anything,
// and each `nextRunAnswer` only arms it for the next request.

import { Buffer } from 'node:buffer'

const RECORDERS = new WeakMap()

/** A run answer's body: the JSON, or the NDJSON stream folded into the same fields. */
export function runAnswer(contentType, body) {
  if (!(contentType ?? '').includes('ndjson')) return JSON.parse(body)
  const events = body
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l))
  const out = (stream) =>
    events
      .filter((e) => e.type === 'output' && e.stream === stream)
      .map((e) => e.text)
      .join('')
  const end = events.find((e) => e.type === 'end') ?? {}
  const trace = events.filter((e) => e.type === 'trace').map((e) => e.trace)
  return { ...end, stdout: out('stdout'), stderr: out('stderr'), trace, events }
}

const isRun = (request) =>
  request.method() === 'POST' && new URL(request.url()).pathname.endsWith('/run')
function label(request) {
  try {
    return String(request.postDataJSON()?.command).slice(0, 60)
  } catch {
    return '?'
  }
}

/** The answer as afterRun returns it, or `{ failure }` when it is not a run answer at all. */
function readAnswer(response, body) {
  try {
    return runAnswer(response.headers()['content-type'], body)
  } catch {
    return { failure: `the answer was not JSON (HTTP ${response.status()}): ${body.slice(0, 200)}` }
  }
}

/**
 * Installs the page's one route for `run` requests. Call it when the page is created, before it
 * navigates; requests pass untouched unless `nextRunAnswer` is waiting for one.
 */
export async function recordRuns(page) {
  if (RECORDERS.has(page)) return
  const rec = { waiting: undefined, log: [] }
  RECORDERS.set(page, rec)
  const note = (what) => rec.log.push(`${new Date().toISOString().slice(11, 23)} ${what}`)
  page.on('requestfinished', (r) => isRun(r) && note(`finished: ${label(r)}`))
  page.on(
    'requestfailed',
    (r) => isRun(r) && note(`failed (${r.failure()?.errorText}): ${label(r)}`),
  )
  await page.route('**/run', async (route) => {
    const request = route.request()
    const waiting = rec.waiting
    if (!isRun(request) || !waiting) return route.fallback()
    rec.waiting = undefined
    note(`routed: ${label(request)}`)
    let response
    try {
      response = await route.fetch()
    } catch (err) {
      waiting({ failure: `the request failed: ${err?.message ?? err}` })
      return route.abort().catch(() => undefined)
    }
    const body = await response.body()
    waiting(readAnswer(response, Buffer.from(body).toString('utf8')))
    // the page may have moved on (a reload) meanwhile: that is not this request's failure
    await route.fulfill({ response, body }).catch(() => undefined)
  })
}

/**
 * Runs `action` and resolves with the answer to the first `run` request sent after it started.
 * On a timeout the error lists the page's last run requests, to tell a request that never left
 * from one that did not pass the route.
 */
export async function nextRunAnswer(page, action, timeoutMs = 30_000) {
  const rec = RECORDERS.get(page)
  if (!rec) throw new Error('recordRuns(page) was not called when the page was created')
  let timer
  const answered = new Promise((resolve, reject) => {
    rec.waiting = resolve
    timer = setTimeout(() => {
      const log = rec.log.slice(-6).join('; ') || 'none'
      reject(new Error(`no answer to the command within ${timeoutMs} ms (run requests: ${log})`))
    }, timeoutMs)
  })
  answered.catch(() => undefined) // awaited below; this keeps a timeout during `action` handled
  try {
    await action()
    const answer = await answered
    if (answer.failure) throw new Error(answer.failure)
    return answer
  } finally {
    clearTimeout(timer)
    rec.waiting = undefined
  }
}
