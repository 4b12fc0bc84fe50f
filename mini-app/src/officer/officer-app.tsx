import "./styles/shell.css";
import "./styles/inbox.css";
import "./styles/inbox-list.css";
import "./styles/dossier.css";
import "./styles/nav.css";
import "./styles/conversations.css";
import "./styles/chat.css";
import "./styles/audit.css";
import "./styles/notices.css";
import "./styles/groups.css";
import "./styles/dashboard.css";
import type { Officer } from "@dvc/shared/api/officer";
import { useEffect } from "react";
import { useCommuneName } from "../citizen/commune-names";
import { signOutOfficer } from "./api/officer-api";
import { AuditPage } from "./audit/audit-page";
import { ConversationsPage } from "./conversations/conversations-page";
import { useConversationQueue } from "./conversations/use-conversation-queue";
import { DashboardPage } from "./dashboard/dashboard-page";
import { DossierPage } from "./dossier/dossier-page";
import { GroupsPage } from "./groups/groups-page";
import { InboxPage } from "./inbox/inbox-page";
import { NewNoticePage, NoticePage } from "./notices/notice-page";
import { NoticesPage } from "./notices/notices-page";
import { navigateOfficer, OfficerLink, officerPaths, parseOfficerRoute, useOfficerHref } from "./router";
import { endOfficerSession, useOfficerSession } from "./session/officer-session";
import { SignInForm } from "./session/sign-in-form";
import { AreaNav } from "./ui/area-nav";

/**
 * The officer area at /can-bo (loaded on demand by main.tsx). Signed out, the sign-in form shows; when
 * a session expires the page that was open stays mounted but hidden under the form, so the officer
 * signs in again and finds it as they left it, typed text included.
 */
export default function OfficerApp() {
  const { session, notice, lastOfficer } = useOfficerSession();
  useEffect(() => {
    document.documentElement.classList.add("dvc-officer-root");
    return () => document.documentElement.classList.remove("dvc-officer-root");
  }, []);
  return (
    <>
      {lastOfficer ? (
        <div hidden={session === null} key={lastOfficer.id}>
          <OfficerArea officer={lastOfficer} />
        </div>
      ) : null}
      {session === null ? <SignInForm notice={notice} /> : null}
    </>
  );
}

/** A province admin has no commune inbox (the server refuses it): their work starts at the conversations. */
const homeOf = (officer: Officer) =>
  officer.role === "admin" ? officerPaths.conversations : officerPaths.inbox;

function OfficerArea({ officer }: { officer: Officer }) {
  const href = useOfficerHref();
  const url = new URL(href, window.location.origin);
  const route = parseOfficerRoute(url.pathname, url.search);
  // Polled here, not in a page: the nav shows how many are open wherever the officer is.
  const queue = useConversationQueue();
  const adminAtInbox = officer.role === "admin" && route.page === "inbox";
  useEffect(() => {
    if (adminAtInbox) navigateOfficer(officerPaths.conversations, { replace: true });
  }, [adminAtInbox]);
  return (
    <div className="dvc-officer">
      <a className="dvc-skip-link" href="#officer-main">
        Bỏ qua đến nội dung chính
      </a>
      <TopBar officer={officer} />
      <AreaNav
        role={officer.role}
        route={route}
        openConversations={queue.conversations ? queue.conversations.length : null}
      />
      <main id="officer-main" className="dvc-officer__main" tabIndex={-1}>
        {route.page === "inbox" && !adminAtInbox ? <InboxPage search={route.search} /> : null}
        {route.page === "dossier" ? <DossierPage key={route.code} code={route.code} /> : null}
        {route.page === "conversations" ? (
          <ConversationsPage id={route.id} queue={queue} province={officer.role === "admin"} />
        ) : null}
        {route.page === "audit" ? (
          <AuditPage search={route.search} leader={officer.role === "leader"} />
        ) : null}
        {route.page === "notices" ? (
          <NoticesPage search={route.search} leader={officer.role === "leader" || officer.role === "admin"} />
        ) : null}
        {route.page === "newNotice" ? (
          <NewNoticePage communeCode={officer.communeCode} admin={officer.role === "admin"} />
        ) : null}
        {route.page === "notice" ? (
          <NoticePage
            key={route.id}
            id={route.id}
            communeCode={officer.communeCode}
            admin={officer.role === "admin"}
          />
        ) : null}
        {route.page === "groups" ? <GroupsPage admin={officer.role === "admin"} /> : null}
        {route.page === "dashboard" ? (
          <DashboardPage search={route.search} officerRole={officer.role} />
        ) : null}
        {route.page === "unknown" ? <NotFound admin={officer.role === "admin"} /> : null}
      </main>
    </div>
  );
}

function TopBar({ officer }: { officer: Officer }) {
  const communeName = useCommuneName(officer.communeCode);
  const signOut = async () => {
    // Ended here whatever the server answers: the desk must be left signed out. The server forgets
    // an unused token after 30 minutes anyway.
    await signOutOfficer().catch(() => undefined);
    endOfficerSession();
  };
  return (
    <header className="dvc-officer-bar">
      <OfficerLink className="dvc-officer-bar__brand" href={homeOf(officer)}>
        {officer.role === "admin" ? "Cán bộ tỉnh" : "Hồ sơ của xã"}
      </OfficerLink>
      <p className="dvc-officer-bar__who">
        <span className="dvc-officer-bar__commune">
          {communeName ?? (officer.communeCode ? `Xã/phường mã ${officer.communeCode}` : "Cấp tỉnh")}
        </span>
        <span className="dvc-officer-bar__user">{officer.username}</span>
      </p>
      <button type="button" className="dvc-officer-bar__out" onClick={() => void signOut()}>
        Đăng xuất
      </button>
    </header>
  );
}

function NotFound({ admin }: { admin: boolean }) {
  const list = admin ? "danh sách trò chuyện" : "danh sách hồ sơ";
  return (
    <section className="dvc-officer-page">
      <h1 className="dvc-page-title">Không có trang này</h1>
      <p className="dvc-text">Địa chỉ có thể đã gõ sai. Hãy mở lại {admin ? list : `${list} của xã`}.</p>
      <OfficerLink
        className="dvc-officer-button dvc-officer-button--primary"
        href={admin ? officerPaths.conversations : officerPaths.inbox}
      >
        Về {list}
      </OfficerLink>
    </section>
  );
}
