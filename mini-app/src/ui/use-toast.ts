import { createElement, type ReactNode, useCallback } from "react";
import { useSnackbar } from "zmp-ui";
import { AlertIcon, CheckIcon } from "./icons";

/**
 * The part of zmp-ui's snackbar API we use. Its shipped typings import a path that does not exist,
 * so `useSnackbar()` is `any`; this is the shape of `SnackbarOptions` in zmp-ui 1.11.
 */
interface SnackbarApi {
  openSnackbar(options: {
    text: string;
    type?: "default" | "success" | "error" | "info";
    duration?: number;
    position?: "top" | "bottom";
    prefixIcon?: ReactNode;
  }): void;
}

export type ToastKind = "success" | "error";

/** Long enough to read a commune name twice, short enough not to cover the next tap. */
const TOAST_DURATION_MS = 3000;

/**
 * A short message at the bottom of the screen. Our own icons replace the snackbar's defaults,
 * which come from the CDN icon font.
 */
export function useToast(): (text: string, kind?: ToastKind) => void {
  const snackbar: SnackbarApi = useSnackbar();
  return useCallback(
    (text: string, kind: ToastKind = "success") =>
      snackbar.openSnackbar({
        text,
        type: kind,
        duration: TOAST_DURATION_MS,
        prefixIcon: createElement(kind === "success" ? CheckIcon : AlertIcon, { size: 20 }),
      }),
    [snackbar],
  );
}
