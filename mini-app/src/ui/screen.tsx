import type { ReactNode } from "react";
import { Header, Page } from "zmp-ui";
import { isInsideZalo } from "../platform/zalo";
import { ChevronLeftIcon } from "./icons";

/**
 * An inner screen: a zmp-ui Page with a title bar and a back button. The bar is drawn only in the
 * browser preview: inside Zalo the native action bar (app-config.json, `actionBarHidden: false`)
 * already shows them, and a second bar would stack under it.
 */
export function Screen({
  title,
  onBack,
  className = "",
  children,
}: {
  title: string;
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
      {children}
    </Page>
  );
}
