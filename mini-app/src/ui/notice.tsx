import type { ReactNode } from "react";
import { Button } from "zmp-ui";
import { AlertIcon, SearchIcon } from "./icons";

/** A centred message in place of a list: nothing found, or something went wrong. */
export function Notice({
  tone,
  title,
  children,
  action,
}: {
  tone: "empty" | "error";
  title: string;
  children?: ReactNode;
  action?: { label: string; onClick: () => void };
}) {
  const Icon = tone === "error" ? AlertIcon : SearchIcon;
  return (
    <div className={`dvc-notice dvc-notice--${tone}`} role={tone === "error" ? "alert" : undefined}>
      <Icon size={40} className="dvc-notice__icon" />
      <p className="dvc-notice__title">{title}</p>
      {children ? <div className="dvc-notice__body">{children}</div> : null}
      {action ? (
        <Button size="large" variant="secondary" onClick={action.onClick} className="dvc-notice__action">
          {action.label}
        </Button>
      ) : null}
    </div>
  );
}

/** A busy indicator with words, not only a spinner: announced by screen readers (role=status). */
export function Loading({ text }: { text: string }) {
  return (
    <div className="dvc-loading" role="status">
      <span className="dvc-spinner" aria-hidden="true" />
      <span>{text}</span>
    </div>
  );
}
