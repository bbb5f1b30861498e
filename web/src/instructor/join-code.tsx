// A class's join code: shown large, copyable, and rotatable (the old code then stops working).

import { useRef, useState } from 'preact/hooks'
import { api, errorText } from '../api'
import { ConfirmButton } from '../components/confirm-button'
import type { ClassInfo } from './types'

interface Props {
  cls: ClassInfo
  onRotated: (cls: ClassInfo) => void
}

async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}

export function JoinCode({ cls, onRotated }: Props) {
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)
  const codeRef = useRef<HTMLElement>(null)

  const copy = async () => {
    if (await copyText(cls.joinCode)) return setStatus(`Copied ${cls.joinCode}.`)
    const el = codeRef.current
    const selection = window.getSelection()
    if (el && selection) {
      selection.selectAllChildren(el)
    }
    setStatus('Copying is not allowed here: the code is selected, press Ctrl+C (or ⌘C) to copy it.')
  }

  const rotate = async () => {
    setBusy(true)
    try {
      const r = await api<{ class: { id: string; name: string; joinCode: string } }>(
        'POST',
        `/api/classes/${encodeURIComponent(cls.id)}/join-code`,
        {},
      )
      onRotated({ ...cls, joinCode: r.class.joinCode })
      setStatus(`New join code: ${r.class.joinCode}. The old code no longer works.`)
    } catch (e) {
      setStatus(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div class="ins-join-code">
      <span>Join code:</span>{' '}
      <code ref={codeRef} class="ins-code">
        {cls.joinCode}
      </code>{' '}
      <button type="button" class="small" onClick={copy}>
        Copy<span class="visually-hidden"> the join code of {cls.name}</span>
      </button>{' '}
      <ConfirmButton
        label="New join code"
        detail={`for ${cls.name}`}
        title="Make a new join code?"
        confirmLabel="Make a new code"
        busy={busy}
        onConfirm={rotate}
      >
        <p>
          The current code <code>{cls.joinCode}</code> stops working at once. Learners already in{' '}
          {cls.name} stay in it.
        </p>
      </ConfirmButton>
      <p role="status" class="ins-status">
        {status}
      </p>
    </div>
  )
}
