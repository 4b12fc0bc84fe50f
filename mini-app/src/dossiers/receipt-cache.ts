/**
 * The last receipt, kept on the device: the receipt screen shows it at once after submitting, and
 * again after a reload or with no connection, without asking the server.
 */
import type { DossierSummary } from "@dvc/shared/api/dossiers";
import { storage } from "../platform/zalo";

const KEY = "dvc.receipt.v1";

export function keepReceipt(dossier: DossierSummary): void {
  storage.setItem(KEY, JSON.stringify(dossier));
}

export function peekReceipt(code: string): DossierSummary | null {
  try {
    const value: unknown = JSON.parse(storage.getItem(KEY) ?? "null");
    if (typeof value === "object" && value !== null && (value as { code?: unknown }).code === code) {
      return value as DossierSummary;
    }
  } catch {
    // unreadable: ask the server
  }
  return null;
}
