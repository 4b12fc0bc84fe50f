import type { OfficerRole } from "@dvc/shared/api/officer";
import type { OfficerRoute } from "../router";
import { OfficerLink, officerPaths } from "../router";

type Section = "inbox" | "conversations" | "notices" | "groups" | "audit" | "dashboard";

/** Which section a page belongs to: a dossier opened from the inbox keeps "Hồ sơ" current. */
function sectionOf(route: OfficerRoute): Section | null {
  if (route.page === "inbox" || route.page === "dossier") return "inbox";
  if (route.page === "conversations") return "conversations";
  if (route.page === "audit") return "audit";
  if (route.page === "notices" || route.page === "newNotice" || route.page === "notice") return "notices";
  if (route.page === "groups") return "groups";
  if (route.page === "dashboard") return "dashboard";
  return null;
}

/**
 * The area's sections under the top bar. Each role sees what the server lets it open: the dossier
 * inbox for commune officers and leaders (not province admins), conversations for everyone (with how
 * many are open), notices and Zalo groups for everyone (issue 13), the audit log for leaders only, the
 * dashboard (issue 14) for leaders and province admins.
 */
export function AreaNav({
  role,
  route,
  openConversations,
}: {
  role: OfficerRole;
  route: OfficerRoute;
  /** Null until the queue has loaded. */
  openConversations: number | null;
}) {
  const current = sectionOf(route);
  const link = (section: Section, href: string, label: string, count: number | null = null) => (
    <li key={section}>
      <OfficerLink
        href={href}
        className={`dvc-area-nav__link${current === section ? " dvc-area-nav__link--current" : ""}`}
        aria-current={current === section ? "page" : undefined}
      >
        <span>{label}</span>
        {count !== null ? (
          <span className={`dvc-area-nav__count${count > 0 ? " dvc-area-nav__count--on" : ""}`}>
            {count}
            <span className="dvc-visually-hidden"> đang mở</span>
          </span>
        ) : null}
      </OfficerLink>
    </li>
  );
  return (
    <nav className="dvc-area-nav" aria-label="Khu vực làm việc">
      <ul className="dvc-area-nav__list">
        {role === "admin" ? null : link("inbox", officerPaths.inbox, "Hồ sơ")}
        {link("conversations", officerPaths.conversations, "Trò chuyện", openConversations)}
        {link("notices", officerPaths.notices, "Thông báo")}
        {link("groups", officerPaths.groups, "Nhóm Zalo")}
        {role === "leader" ? link("audit", officerPaths.audit, "Nhật ký") : null}
        {role === "leader" || role === "admin" ? link("dashboard", officerPaths.dashboard, "Báo cáo") : null}
      </ul>
    </nav>
  );
}
