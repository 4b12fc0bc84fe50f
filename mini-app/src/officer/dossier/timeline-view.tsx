import type { OfficerDossier } from "@dvc/shared/api/officer";
import { formatDateTime } from "../../ui/format";

const ACTORS: Record<string, string> = {
  officer: "Cán bộ",
  citizen: "Công dân",
  system: "Hệ thống",
  // A move reported by the commune's one-stop system through the integration API (issue 14).
  one_stop: "Hệ thống một cửa",
};

/**
 * What happened to the dossier, newest first: each step with who made it, the note the citizen was
 * sent, and how far the Zalo message about it got ("Đã gửi qua Zalo · đã nhận · đã xem"), so the
 * officer knows whether the citizen has been told before calling them.
 */
export function TimelineView({ timeline }: { timeline: OfficerDossier["timeline"] }) {
  const events = [...timeline].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <ol className="dvc-timeline" aria-label="Quá trình xử lý, mới nhất trước">
      {events.map((event, index) => (
        <li
          key={`${event.at}-${event.status}`}
          className={`dvc-timeline__item${index === 0 ? " dvc-timeline__now" : ""}`}
        >
          <span className="dvc-timeline__label">{event.label}</span>
          <span className="dvc-timeline__time">
            {formatDateTime(event.at)} · {ACTORS[event.actor] ?? event.actor}
          </span>
          {event.note ? <span className="dvc-timeline__note">“{event.note}”</span> : null}
          {event.notice ? (
            <span className={`dvc-timeline__notice dvc-timeline__notice--${event.notice.state}`}>
              {event.notice.label}
            </span>
          ) : (
            <span className="dvc-timeline__notice">Không gửi tin nhắn</span>
          )}
        </li>
      ))}
    </ol>
  );
}
