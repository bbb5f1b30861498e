// The shape of a catalogue entry: one function per repository that answers for a tag.

import type { ImageInfo } from './catalog'

/** What a repository's tag resolves to; the registry fills in names, digest and timings. */
export type Variant = Omit<
  ImageInfo,
  | 'ref'
  | 'repository'
  | 'shortName'
  | 'tag'
  | 'fullName'
  | 'imageID'
  | 'startSeconds'
  | 'pullSeconds'
>
export type Family = (tag: string) => Variant | undefined

/** The PATH most images set. */
export const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
