// The starting state's YAML in CodeMirror, as on the lab page (loaded on demand).
import { useEffect, useRef, useState } from 'preact/hooks'
import { ChunkFailure } from '../components/lazy-chunk'
import { codemirrorChunk } from '../lab/codemirror-chunk'
import type { EditorHandle } from '../lab/codemirror-setup'

export function YamlEditor({
  label,
  value,
  onChange,
}: {
  label: string
  value: string
  onChange: (v: string) => void
}) {
  const host = useRef<HTMLDivElement>(null)
  const handle = useRef<EditorHandle | null>(null)
  const [failed, setFailed] = useState<string | undefined>()
  useEffect(() => {
    let cancelled = false
    codemirrorChunk
      .load()
      .then(({ createEditor }) => {
        if (cancelled || !host.current) return
        handle.current = createEditor(host.current, value, onChange, label)
      })
      .catch((err: unknown) => setFailed(err instanceof Error ? err.message : String(err)))
    return () => {
      cancelled = true
      handle.current?.destroy()
    }
    // the editor owns its text once made; `value` only seeds it
  }, [])
  return (
    <div class="editor-host auth-yaml" ref={host}>
      {failed && <ChunkFailure what="The editor" error={failed} />}
    </div>
  )
}
