// `Reset cluster` asks first, in a modal dialog, because it deletes what the learner built.

import { useRef } from 'preact/hooks'

export function ResetButton({ busy, onConfirm }: { busy: boolean; onConfirm: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const close = () => dialog.current?.close()
  return (
    <>
      <button
        type="button"
        class="secondary"
        disabled={busy}
        onClick={() => dialog.current?.showModal()}
      >
        Reset cluster
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="reset-title"
        aria-describedby="reset-text"
        class="dialog"
      >
        <h2 id="reset-title">Reset the cluster?</h2>
        <p id="reset-text">
          Everything you created in this lab's cluster is deleted and it goes back to its starting
          state. Tasks you have already done stay done.
        </p>
        <div class="dialog-actions">
          <button type="button" class="secondary" onClick={close} autoFocus>
            Cancel
          </button>
          <button
            type="button"
            class="danger"
            onClick={() => {
              close()
              onConfirm()
            }}
          >
            Reset
          </button>
        </div>
      </dialog>
    </>
  )
}
