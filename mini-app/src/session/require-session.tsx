import { type ReactNode, useEffect } from "react";
import { isInsideZalo } from "../platform/zalo";
import { Loading, Notice } from "../ui/notice";
import { Screen } from "../ui/screen";
import { ConsentScreen } from "./consent-screen";
import { SandboxSignIn } from "./sandbox-sign-in";
import { signInInsideZalo, useSession } from "./session";

/**
 * Shows `children` only to a signed-in citizen (and, with `consent`, one who has agreed to the notice).
 * Otherwise it shows the missing step in place — Zalo sign-in, the sandbox picker, the consent notice —
 * without leaving the route, so the citizen lands where they were going and nothing typed is lost.
 */
export function RequireSession({
  title,
  onBack,
  consent = false,
  children,
}: {
  /** The title of the screen being guarded, shown while signing in. */
  title: string;
  onBack: () => void;
  consent?: boolean;
  children: ReactNode;
}) {
  const session = useSession();
  const insideZalo = isInsideZalo();
  const mustSignIn = session.status === "signed_out";
  const signOutMessage = session.status === "signed_out" ? session.message : null;

  // Inside Zalo signing in needs no question: do it once, silently. A failure waits for "Thử lại".
  useEffect(() => {
    if (insideZalo && mustSignIn && signOutMessage === null) signInInsideZalo().catch(() => undefined);
  }, [insideZalo, mustSignIn, signOutMessage]);

  if (session.status === "signed_in") {
    if (consent && !session.session.consentGiven) return <ConsentScreen onBack={onBack} />;
    return <>{children}</>;
  }
  if (!insideZalo && session.status === "signed_out") {
    return <SandboxSignIn onBack={onBack} message={session.message} />;
  }
  return (
    <Screen title={title} onBack={onBack} heading>
      {session.status === "signed_out" && session.message !== null ? (
        <Notice
          tone="error"
          title={session.message}
          action={{ label: "Thử lại", onClick: () => signInInsideZalo().catch(() => undefined) }}
        />
      ) : (
        <Loading text="Đang đăng nhập bằng Zalo…" />
      )}
    </Screen>
  );
}
