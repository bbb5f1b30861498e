// The instructor pages (issue 7), loaded only when an /instructor path is opened.

import { ChunkFailure, PAGE_CHUNK_RETRY, useLazyChunk } from '../components/lazy-chunk'
import { lazyChunk } from '../lazy-import'
import type { User } from '../types'

const instructorChunk = lazyChunk(() => import('../instructor/instructor-app'), PAGE_CHUNK_RETRY)

export function InstructorPage(props: { user: User; path: string }) {
  const { value, error } = useLazyChunk(instructorChunk)
  if (error) return <ChunkFailure what="The instructor pages" error={error} />
  if (!value) return <p class="loading">Loading…</p>
  return <value.InstructorApp {...props} />
}
