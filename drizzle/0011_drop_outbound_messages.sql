-- The chatbot's replies move into the delivery outbox: rows not yet sent go on being sent from there, and
-- sent ones keep their key (a replayed event finds its replies and decides nothing twice).
INSERT INTO "deliveries" ("idempotency_key", "kind", "status", "channel", "oa_user_id", "ordering_key", "payload", "attempts", "expires_at", "created_at", "provider_message_id", "sent_at", "finished_at", "last_error")
SELECT "dedupe_key", 'chatbot_reply',
  CASE "status" WHEN 'sent' THEN 'sent' WHEN 'failed' THEN 'failed' ELSE 'queued' END,
  CASE "status" WHEN 'sent' THEN 'oa_cs' END,
  "recipient", 'oa:' || "recipient", "payload", "attempts", "created_at" + interval '24 hours', "created_at",
  "zalo_message_id", "sent_at", CASE "status" WHEN 'failed' THEN now() END, "last_error"
FROM "outbound_messages"
ON CONFLICT ("idempotency_key") DO NOTHING;--> statement-breakpoint
DROP TABLE "outbound_messages" CASCADE;
