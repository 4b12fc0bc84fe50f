/**
 * What the officer was typing in each conversation, kept in memory for this tab: opening another
 * conversation and coming back finds the reply as it was. Not stored anywhere else (it may quote a
 * resident's personal details), and gone when the tab closes.
 */
const drafts = new Map<string, string>();

export function keptDraft(conversationId: string): string {
  return drafts.get(conversationId) ?? "";
}

export function keepDraft(conversationId: string, text: string): void {
  if (text === "") drafts.delete(conversationId);
  else drafts.set(conversationId, text);
}
