// What the pages did, kept in a ring buffer and printed when a step fails: every request (method,
// URL, status, timing, or the error it failed with), the requests still waiting for an answer,
// console messages, page errors and navigations. Cheap while steps pass (a few hundred short
// lines are kept, nothing is printed); a flake that fails once in a while then explains itself
// (a lazily imported chunk that never arrived, a history read that raced a store, ...).

const clock = () => new Date().toISOString().slice(11, 23)
const short = (url) => (url.length > 160 ? `${url.slice(0, 157)}...` : url)

/** Where a URL points, without the origin every request shares. */
function where(url) {
  try {
    const u = new URL(url)
    return u.protocol.startsWith('http') ? short(u.pathname + u.search) : short(url)
  } catch {
    return short(url)
  }
}

/** Milliseconds from sending to the whole answer, from Chromium's own timing when it has one. */
function took(request, since) {
  const t = request.timing()
  const wall = Date.now() - since
  if (!t || t.responseEnd < 0) return `${wall} ms`
  const first = t.responseStart >= 0 ? `, first byte ${Math.round(t.responseStart)} ms` : ''
  return `${Math.round(t.responseEnd)} ms${first}`
}

export class PageActivity {
  /** @param {number} capacity lines kept; older ones are dropped (and the report says so) */
  constructor(capacity = 1500) {
    this.capacity = capacity
    this.lines = []
    this.dropped = 0
    this.pending = new Map()
    this.pages = []
  }

  note(text) {
    this.lines.push(`${clock()} ${text}`)
    if (this.lines.length > this.capacity) {
      this.lines.shift()
      this.dropped++
    }
  }

  /** Marks where a step starts, so a report can begin at the step before the failing one. */
  mark(step) {
    this.note(`=== step: ${step}`)
  }

  /** Records everything `page` does from now on; `who` names it when several pages are watched. */
  watch(page, who = '') {
    const tag = who ? `[${who}] ` : ''
    this.pages.push({ page, tag })
    const id = (r) => `${r.method()} ${where(r.url())}`
    page.on('request', (r) => {
      this.pending.set(r, { at: Date.now(), tag })
      // a request the page forgot (no finished/failed event) must not grow the map forever
      if (this.pending.size > 300) this.pending.delete(this.pending.keys().next().value)
      this.note(`${tag}→ ${id(r)}${r.isNavigationRequest() ? ' (navigation)' : ''}`)
    })
    page.on('response', (res) => {
      const r = res.request()
      const since = this.pending.get(r)?.at ?? Date.now()
      this.note(`${tag}← ${res.status()} ${id(r)} headers after ${Date.now() - since} ms`)
    })
    page.on('requestfinished', (r) => {
      const since = this.pending.get(r)?.at ?? Date.now()
      this.pending.delete(r)
      this.note(`${tag}✓ ${id(r)} done in ${took(r, since)}`)
    })
    page.on('requestfailed', (r) => {
      const since = this.pending.get(r)?.at ?? Date.now()
      this.pending.delete(r)
      const why = r.failure()?.errorText ?? 'unknown error'
      this.note(`${tag}✗ ${id(r)} FAILED after ${Date.now() - since} ms: ${why}`)
    })
    page.on('console', (m) => this.note(`${tag}console.${m.type()}: ${short(m.text())}`))
    page.on('pageerror', (e) => this.note(`${tag}page error: ${short(String(e?.message ?? e))}`))
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) this.note(`${tag}navigated to ${where(f.url())}`)
    })
    page.on('crash', () => this.note(`${tag}PAGE CRASHED`))
  }

  /** The lines since the start of the step before the last one, plus what is still in flight. */
  report(steps = 2) {
    const marks = this.lines.flatMap((l, i) => (l.includes(' === step: ') ? [i] : []))
    const from = marks.length >= steps ? marks[marks.length - steps] : 0
    const head = from === 0 && this.dropped ? [`(${this.dropped} older lines dropped)`] : []
    const now = Date.now()
    const waiting = [...this.pending].map(
      ([r, p]) =>
        `${p.tag}… ${r.method()} ${where(r.url())} still unanswered after ${now - p.at} ms`,
    )
    return [...head, ...this.lines.slice(from), ...waiting]
  }

  /** Where each page is and what its main region says now (e.g. "Loading the lab…"). */
  async pageStates() {
    return Promise.all(
      this.pages.map(async ({ page, tag }) => {
        if (page.isClosed()) return `${tag}page closed`
        const shows = await page
          .locator('main')
          .innerText({ timeout: 2_000 })
          .then((t) => JSON.stringify(t.replace(/\s+/g, ' ').slice(0, 300)))
          .catch((e) => `(unreadable: ${String(e?.message ?? e).split('\n')[0]})`)
        return `${tag}now at ${where(page.url())}; main shows ${shows}`
      }),
    )
  }
}
