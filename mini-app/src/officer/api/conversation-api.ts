/** The conversations the chatbot handed to officers (every role; admins get the province queue). */
import {
  type OfficerConversation,
  type OfficerConversationDetail,
  officerConversationDetailSchema,
  officerConversationListSchema,
} from "@dvc/shared/api/officer";
import { officerRequest, officerRequestRaw } from "./officer-http";

const conversationPath = (id: string) => `/api/officer/conversations/${encodeURIComponent(id)}`;

export async function getConversations(signal?: AbortSignal): Promise<OfficerConversation[]> {
  const answer = await officerRequest("/api/officer/conversations", officerConversationListSchema, {
    signal,
  });
  return answer.conversations;
}

/** Reading it is audited by the server (conversation.view); a 404 once it went back to the bot. */
export function getConversation(id: string, signal?: AbortSignal): Promise<OfficerConversationDetail> {
  return officerRequest(conversationPath(id), officerConversationDetailSchema, { signal });
}

/**
 * The server takes no Idempotency-Key here: after a lost answer the reply may or may not have gone,
 * so the reply box checks the transcript before offering to send it again (see reply-box.tsx).
 */
export function replyToConversation(id: string, text: string): Promise<OfficerConversationDetail> {
  return officerRequest(`${conversationPath(id)}/messages`, officerConversationDetailSchema, {
    method: "POST",
    json: { text },
  });
}

export async function handConversationBack(id: string): Promise<void> {
  await officerRequestRaw(`${conversationPath(id)}/hand-back`, { method: "POST" });
}
