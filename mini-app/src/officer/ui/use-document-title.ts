import { useEffect } from "react";

/** The browser tab says which screen it is: officers keep several open side by side. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Cán bộ · Dịch vụ công`;
  }, [title]);
}
