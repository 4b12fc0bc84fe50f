import { personNamesInAnswers, tokenize } from "@dvc/shared";
import type { Sealer } from "./crypto";

/**
 * Finding a dossier by a person's name without storing the name in the clear (answers are sealed):
 * each folded word of each full name becomes a keyed hash (Sealer.lookupHash, 64 bits kept — enough
 * to tell words apart in a search, too short to be worth inverting), stored space-separated and
 * space-padded in dossiers.name_terms. "nguyen minh khoi" and "Nguyễn Minh Khôi" give the same terms.
 * Re-derived under a new key by the key rotation (db/sealed-columns.ts).
 */

function term(sealer: Sealer, word: string): string {
  return sealer.lookupHash(`ten:${word}`).slice(0, 16);
}

/** The stored form: " t1 t2 … " (padded, so a term matches only whole). */
export function nameTermsOf(sealer: Sealer, answers: Record<string, unknown>): string {
  const words = new Set(personNamesInAnswers(answers).flatMap((name) => tokenize(name)));
  return ` ${[...words].map((word) => term(sealer, word)).join(" ")} `;
}

/** The terms a search text asks for: every word must be found. */
export function searchTermsOf(sealer: Sealer, text: string): string[] {
  return [...new Set(tokenize(text))].slice(0, 8).map((word) => term(sealer, word));
}
