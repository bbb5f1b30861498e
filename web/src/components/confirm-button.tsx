// A button that asks first, in a modal dialog, before doing something that cannot be undone.

import type { ComponentChildren } from 'preact'
import { useRef } from 'preact/hooks'

interface Props {
  /** the button's visible text and, with `detail`, its accessible name */
  label: string
  /** visually hidden words that make the name unique, e.g. the learner's name */
  detail?: string
  title: string
  confirmLabel: string
  busy?: boolean
  danger?: boolean
  children: ComponentChildren
  onConfirm: () => void
}

let nextId = 0

export function ConfirmButton(p: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const id = useRef(`confirm-${++nextId}`).current
  const close = () => dialog.current?.close()
  return (
    <>
      <button
        type="button"
        class={p.danger ? 'small secondary' : 'small'}
        disabled={p.busy}
        onClick={() => dialog.current?.showModal()}
      >
        {p.label}
        {p.detail && <span class="visually-hidden"> {p.detail}</span>}
      </button>
      <dialog
        ref={dialog}
        class="confirm-dialog"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-text`}
      >
        <h2 id={`${id}-title`}>{p.title}</h2>
        <div id={`${id}-text`}>{p.children}</div>
        <div class="confirm-dialog-actions">
          <button type="button" onClick={close} autoFocus>
            Cancel
          </button>
          <button
            type="button"
            class={p.danger ? 'danger' : 'primary'}
            onClick={() => {
              close()
              p.onConfirm()
            }}
          >
            {p.confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  )
}
