import { type ReactNode, useEffect, useRef } from "react";

/**
 * A modal dialog over the page: the title is announced, focus moves into it, and the page behind
 * cannot be tapped. Light on purpose: zmp-ui's Modal brings an animation library for one box.
 */
export function Dialog({
  title,
  children,
  actions,
  onDismiss,
}: {
  title: string;
  children: ReactNode;
  actions: ReactNode;
  /** Tapping outside or pressing Escape; leave out when a choice is required. */
  onDismiss?: () => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
    if (!onDismiss) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onDismiss();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onDismiss]);
  return (
    <div className="dvc-dialog-backdrop">
      {onDismiss ? (
        <button
          type="button"
          className="dvc-dialog-dismiss"
          tabIndex={-1}
          aria-label="Đóng"
          onClick={onDismiss}
        />
      ) : null}
      <div
        ref={box}
        className="dvc-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="dvc-dialog-title"
        tabIndex={-1}
      >
        <h2 id="dvc-dialog-title" className="dvc-dialog__title">
          {title}
        </h2>
        <div className="dvc-dialog__body">{children}</div>
        <div className="dvc-dialog__actions">{actions}</div>
      </div>
    </div>
  );
}
