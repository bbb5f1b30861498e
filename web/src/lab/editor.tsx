// The Editor panel: CodeMirror (loaded on demand) with an Apply button and line-pointed errors.

import { useEffect, useRef, useState } from 'preact/hooks'
import { ChunkFailure } from '../components/lazy-chunk'
import { codemirrorChunk } from './codemirror-chunk'
import type { EditorHandle } from './codemirror-setup'

export const STARTER_MANIFEST = `# Write or paste a manifest here, then press Apply.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
`

/** In a guided lab the manifests come from the instructions; a sample there would only mislead. */
export const GUIDED_STARTER = `# Use "Copy to editor" in the instructions,
# or write a manifest here; then Apply.
`

export interface ApplyError {
  line?: number
  message: string
}

interface Props {
  labId: string
  busy: boolean
  error: ApplyError | null
  /** a line of guidance shown when there is no error, e.g. after Copy to editor */
  notice?: string
  onApply: (text: string) => void
  onReady: (handle: EditorHandle) => void
}

function draftKey(labId: string): string {
  return `servicelab:editor:${labId}`
}

export function Editor({ labId, busy, error, notice, onApply, onReady }: Props) {
  const host = useRef<HTMLDivElement>(null)
  const handle = useRef<EditorHandle | null>(null)
  const [failed, setFailed] = useState<string | undefined>()
  const [ready, setReady] = useState(false)

  useEffect(() => {
    let cancelled = false
    codemirrorChunk
      .load()
      .then(({ createEditor }) => {
        if (cancelled || !host.current) return
        const saved = localStorage.getItem(draftKey(labId))
        const h = createEditor(
          host.current,
          saved ?? (labId === 'playground' ? STARTER_MANIFEST : GUIDED_STARTER),
          (text) => {
            try {
              localStorage.setItem(draftKey(labId), text)
            } catch {
              // storage full or disabled: the draft is simply not kept
            }
          },
        )
        handle.current = h
        setReady(true)
        onReady(h)
      })
      .catch((err: unknown) => setFailed(err instanceof Error ? err.message : String(err)))
    return () => {
      cancelled = true
      handle.current?.destroy()
    }
  }, [labId])

  useEffect(() => {
    if (error?.line) handle.current?.markLine(error.line)
    else handle.current?.clearMarks()
  }, [error])

  return (
    <section class="panel panel-editor" id="editor-panel">
      <div class="panel-head">
        <h2 id="editor-title">Editor</h2>
        <button
          type="button"
          class="primary"
          disabled={busy || !ready}
          onClick={() => handle.current && onApply(handle.current.getText())}
        >
          Apply
        </button>
      </div>
      <div class="editor-host" ref={host}>
        {failed && <ChunkFailure what="The editor" error={failed} />}
      </div>
      <div class="editor-status" role="status">
        {!error && notice && <p class="editor-notice">{notice}</p>}
        {error && (
          <p class="field-error">
            <span aria-hidden="true">⚠ </span>
            {error.line ? `Line ${error.line}: ` : ''}
            {error.message}{' '}
            {error.line && (
              <button
                type="button"
                class="link-button"
                onClick={() => error.line && handle.current?.focusLine(error.line)}
              >
                Go to line {error.line}
              </button>
            )}
          </p>
        )}
      </div>
    </section>
  )
}
