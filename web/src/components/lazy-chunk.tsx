// Waiting for a chunk loaded on demand (lazy-import.ts), and saying so when it did not arrive.

import { useEffect, useState } from 'preact/hooks'
import type { ImportRetry, LazyChunk } from '../lazy-import'
import { CHUNK_RETRY } from '../lazy-import'

/** The chunk's module once it arrived, or the reason it did not (a sentence), or neither yet. */
export function useLazyChunk<T>(chunk: LazyChunk<T>): { value?: T; error?: string } {
  const [state, setState] = useState<{ value?: T; error?: string }>(() => ({
    value: chunk.loaded(),
  }))
  useEffect(() => {
    if (state.value) return
    let live = true
    chunk.load().then(
      (value) => live && setState({ value }),
      (err: unknown) =>
        live && setState({ error: err instanceof Error ? err.message : String(err) }),
    )
    return () => {
      live = false
    }
  }, [chunk])
  return state
}

/** Stylesheet links whose fetch failed (an `error` event does not bubble: caught on its way down). */
const failedStylesheets = new Set<HTMLLinkElement>()
if (typeof document !== 'undefined') {
  document.addEventListener(
    'error',
    (e) => {
      const t = e.target
      if (t instanceof HTMLLinkElement && t.rel === 'stylesheet') failedStylesheets.add(t)
    },
    true,
  )
}

/**
 * Fetches again the stylesheets whose fetch failed: Vite loads a chunk's CSS with a `<link>` that it
 * never adds twice, so without this a retried chunk would arrive unstyled.
 */
async function refetchFailedStylesheets(): Promise<void> {
  const failed = [...failedStylesheets]
  failedStylesheets.clear()
  await Promise.all(
    failed.map(
      (link) =>
        new Promise<void>((resolve) => {
          const again = link.cloneNode() as HTMLLinkElement
          again.addEventListener('load', () => resolve())
          again.addEventListener('error', () => resolve()) // the chunk's own retry decides
          link.replaceWith(again)
        }),
    ),
  )
}

/** The retry the page's chunks use: CHUNK_RETRY, with their stylesheets fetched again too. */
export const PAGE_CHUNK_RETRY: ImportRetry = {
  ...CHUNK_RETRY,
  beforeRetry: refetchFailedStylesheets,
}

/**
 * What shows in place of a part of the page whose code did not arrive: why, and a button that
 * reloads the page (which also picks up new asset names after a deploy).
 */
export function ChunkFailure({ what, error }: { what: string; error: string }) {
  return (
    <div role="alert" class="chunk-failure">
      <p>
        {what} could not be loaded: {error}. Check your connection, then reload the page.
      </p>
      <button type="button" class="primary" onClick={() => location.reload()}>
        Reload the page
      </button>
    </div>
  )
}
