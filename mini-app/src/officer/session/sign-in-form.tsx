import { officerSignInRequestSchema } from "@dvc/shared/api/officer";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ApiError } from "../../api";
import { AlertIcon, InfoIcon } from "../../ui/icons";
import { signInOfficer } from "../api/officer-api";
import { startOfficerSession } from "./officer-session";

type Problem = { field: "username" | "password" | null; message: string };

/**
 * Username and password. Shown on a first visit, after signing out, and over the open page when the
 * session expires (`notice` says which). A refusal keeps both fields as typed, so a mistyped
 * password is fixed without typing the name again.
 */
export function SignInForm({ notice }: { notice: string | null }) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const problemRef = useRef<HTMLParagraphElement>(null);

  // The form replaces what the officer was looking at: say so to keyboard and screen-reader users.
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const checked = officerSignInRequestSchema.safeParse({ username, password });
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const field = issue?.path[0] === "password" ? "password" : "username";
      setProblem({ field, message: issue?.message ?? "Vui lòng nhập tên đăng nhập và mật khẩu." });
      return;
    }
    setSending(true);
    setProblem(null);
    try {
      startOfficerSession(await signInOfficer(checked.data.username, checked.data.password));
    } catch (error) {
      const message =
        error instanceof ApiError ? error.message : "Chưa đăng nhập được. Vui lòng thử lại sau ít phút.";
      setProblem({ field: null, message });
    } finally {
      setSending(false);
    }
  };

  return (
    <main className="dvc-signin">
      <form className="dvc-signin__card" noValidate onSubmit={(event) => void submit(event)}>
        <p className="dvc-signin__brand">Dịch vụ công · Khu vực cán bộ</p>
        <h1 className="dvc-page-title" tabIndex={-1} ref={heading}>
          Đăng nhập cán bộ
        </h1>
        {notice ? (
          <p className="dvc-officer-note" role="status">
            <InfoIcon size={20} />
            <span>{notice}</span>
          </p>
        ) : null}
        {problem ? (
          <p className="dvc-officer-error" role="alert" tabIndex={-1} ref={problemRef}>
            <AlertIcon size={20} />
            <span>{problem.message}</span>
          </p>
        ) : null}
        <div className="dvc-field">
          <label className="dvc-field__label" htmlFor="officer-username">
            Tên đăng nhập
          </label>
          <input
            id="officer-username"
            className={`dvc-input${problem?.field === "username" ? " dvc-input--error" : ""}`}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            aria-invalid={problem?.field === "username" || undefined}
          />
        </div>
        <div className="dvc-field">
          <label className="dvc-field__label" htmlFor="officer-password">
            Mật khẩu
          </label>
          <input
            id="officer-password"
            className={`dvc-input${problem?.field === "password" ? " dvc-input--error" : ""}`}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={problem?.field === "password" || undefined}
          />
        </div>
        <button
          type="submit"
          className="dvc-officer-button dvc-officer-button--primary"
          aria-disabled={sending}
        >
          {sending ? "Đang đăng nhập…" : "Đăng nhập"}
        </button>
        <p className="dvc-muted">
          Quên mật khẩu hoặc tài khoản bị khoá? Liên hệ quản trị viên của tỉnh để được cấp lại.
        </p>
      </form>
    </main>
  );
}
