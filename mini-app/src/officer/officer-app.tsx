import "./styles/shell.css";
import "./styles/inbox.css";
import "./styles/inbox-list.css";
import "./styles/dossier.css";
import type { Officer } from "@dvc/shared/api/officer";
import { useEffect } from "react";
import { useCommuneName } from "../citizen/commune-names";
import { signOutOfficer } from "./api/officer-api";
import { DossierPage } from "./dossier/dossier-page";
import { InboxPage } from "./inbox/inbox-page";
import { OfficerLink, officerPaths, parseOfficerRoute, useOfficerHref } from "./router";
import { endOfficerSession, useOfficerSession } from "./session/officer-session";
import { SignInForm } from "./session/sign-in-form";

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

function OfficerArea({ officer }: { officer: Officer }) {
  const href = useOfficerHref();
  const url = new URL(href, window.location.origin);
  const route = parseOfficerRoute(url.pathname, url.search);
  return (
    <div className="dvc-officer">
      <a className="dvc-skip-link" href="#officer-main">
        Bỏ qua đến nội dung chính
      </a>
      <TopBar officer={officer} />
      <main id="officer-main" className="dvc-officer__main" tabIndex={-1}>
        {route.page === "inbox" ? <InboxPage search={route.search} /> : null}
        {route.page === "dossier" ? <DossierPage key={route.code} code={route.code} /> : null}
        {route.page === "unknown" ? <NotFound /> : null}
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
      <OfficerLink className="dvc-officer-bar__brand" href={officerPaths.inbox}>
        Hồ sơ của xã
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

function NotFound() {
  return (
    <section className="dvc-officer-page">
      <h1 className="dvc-page-title">Không có trang này</h1>
      <p className="dvc-text">Địa chỉ có thể đã gõ sai. Hãy mở lại danh sách hồ sơ của xã.</p>
      <OfficerLink className="dvc-officer-button dvc-officer-button--primary" href={officerPaths.inbox}>
        Về danh sách hồ sơ
      </OfficerLink>
    </section>
  );
}
