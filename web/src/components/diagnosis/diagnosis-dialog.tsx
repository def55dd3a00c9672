// The "Why isn't it here?" dialog: a modal <dialog> like DetailsDialog, loaded on demand (WhyButton imports it lazily).
// It may open from inside the details dialog, so Escape and cancel stop here and close only this dialog, and a
// confirmation open inside it closes only itself.
import { useEffect, useId, useRef, useState, type SyntheticEvent } from "react";
import type { DiagnoseTarget } from "../../api/diagnosis.api";
import { DiagnosisView } from "./diagnosis-view";
import "./diagnosis.css";

type DiagnosisDialogProps = {
  target: DiagnoseTarget;
  label: string;
  /** The button that opened it, focused again on close. */
  returnFocusTo: HTMLElement | null;
  onClose: () => void;
};

export default function DiagnosisDialog({ target, label, returnFocusTo, onClose }: DiagnosisDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const [itemLabel, setItemLabel] = useState(label);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) {
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", "");
    }
    headingRef.current?.focus();
    return () => {
      if (dialog.open) {
        if (typeof dialog.close === "function") dialog.close();
        else dialog.removeAttribute("open");
      }
      if (returnFocusTo?.isConnected) returnFocusTo.focus();
    };
  }, [returnFocusTo]);

  /** Escape or cancel: this dialog's own closes it; one from a confirmation inside it is that confirmation's. */
  const dismiss = (event: SyntheticEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (event.target instanceof Element && event.target.closest("dialog") === dialogRef.current) onClose();
  };

  return (
    <dialog
      ref={dialogRef}
      className="details-dialog diagnosis-dialog"
      aria-labelledby={titleId}
      onCancel={dismiss}
      onKeyDown={(event) => {
        if (event.key === "Escape") dismiss(event);
      }}
    >
      <article>
        <h2 id={titleId} ref={headingRef} tabIndex={-1}>
          Why isn't it here?
        </h2>
        <p className="details-title">{itemLabel}</p>
        <DiagnosisView target={target} label={label} onDiagnosed={(diagnosis) => setItemLabel(diagnosis.target.label)} />
        <footer>
          <button type="button" className="secondary" onClick={onClose}>
            Close
          </button>
        </footer>
      </article>
    </dialog>
  );
}
