// The "Details" dialog rows open: a modal <dialog> like ConfirmDialog (focus kept inside, Escape closes), whose body
// mounts only while it is open so what it fetches is fetched on demand. Focus goes back to the row that opened it.
import { useEffect, useId, useRef, type ReactNode } from "react";

type DetailsDialogProps = {
  open: boolean;
  onClose: () => void;
  /** The row's button, focused again on close (when it is still on the page). */
  returnFocusTo: HTMLElement | null;
  children: ReactNode;
};

export function DetailsDialog({ open, onClose, returnFocusTo, children }: DetailsDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog || !open) return;
    if (!dialog.open) {
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", "");
    }
    closeRef.current?.focus();
    return () => {
      if (dialog.open) {
        if (typeof dialog.close === "function") dialog.close();
        else dialog.removeAttribute("open");
      }
      if (returnFocusTo?.isConnected) returnFocusTo.focus();
    };
  }, [open, returnFocusTo]);

  return (
    <dialog
      ref={dialogRef}
      className="details-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onClose();
        }
      }}
    >
      {open ? (
        <article>
          <h2 id={titleId}>Details</h2>
          {children}
          <footer>
            <button type="button" ref={closeRef} className="secondary" onClick={onClose}>
              Close
            </button>
          </footer>
        </article>
      ) : null}
    </dialog>
  );
}
