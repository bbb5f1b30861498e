// CodeMirror, loaded on demand by the lab page's editor and the lab author's YAML editor alike.
import { PAGE_CHUNK_RETRY } from '../components/lazy-chunk'
import { lazyChunk } from '../lazy-import'

export const codemirrorChunk = lazyChunk(() => import('./codemirror-setup'), PAGE_CHUNK_RETRY)
