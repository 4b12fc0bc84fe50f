import type { ReactNode } from "react";
import { Header, Page } from "zmp-ui";
import { isInsideZalo } from "../platform/zalo";
import { ChevronLeftIcon } from "./icons";

/**
 * An inner screen: a zmp-ui Page with a title bar and a back button. The bar is drawn only in the
 * browser preview: inside Zalo the native action bar (app-config.json, `actionBarHidden: false`)
 * already shows them, and a second bar would stack under it. The bar's title is not a heading: each
 * screen has one h1 in the page naming it, its own or (with `heading`) the title drawn here.
 */
export function Screen({
  title,
  onBack,
  className = "",
  heading = false,
  children,
}: {
  title: string;
  /** For a screen without an h1 of its own: shows the title as the page's h1. */
  heading?: boolean;
  onBack: () => void;
  className?: string;
  children: ReactNode;
}) {
  const withHeader = !isInsideZalo();
  return (
    <Page className={`dvc-screen ${withHeader ? "dvc-screen--with-header" : ""} ${className}`}>
      {withHeader ? (
        <Header
          className="dvc-header"
          title={title}
          onBackClick={onBack}
          backIcon={<ChevronLeftIcon label="Quay lại" />}
          backgroundColor="#0068ff"
          textColor="#ffffff"
        />
      ) : null}
      {heading ? <h1 className="dvc-page-title dvc-screen__title">{title}</h1> : null}
      {children}
    </Page>
  );
}
