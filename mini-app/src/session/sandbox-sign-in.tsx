import { type FormEvent, useCallback, useEffect, useState } from "react";
import { Button } from "zmp-ui";
import { ApiError } from "../api";
import { createSandboxCitizen, listSandboxCitizens, type SandboxCitizen } from "../api/auth";
import { ChevronRightIcon, UserIcon } from "../ui/icons";
import { Loading, Notice } from "../ui/notice";
import { Screen } from "../ui/screen";
import { TextInput } from "../ui/text-input";
import { signInAsSandboxCitizen } from "./session";

type Listing =
  | { status: "loading" }
  | { status: "ready"; citizens: SandboxCitizen[] }
  | { status: "unavailable" }
  | { status: "error"; message: string };

/**
 * Web preview only: the sandbox stands in for Zalo, so a tester picks (or makes) a pretend citizen and
 * signs in with the sandbox's access token exactly as the app does with Zalo's.
 */
export function SandboxSignIn({ onBack, message }: { onBack: () => void; message: string | null }) {
  const [listing, setListing] = useState<Listing>({ status: "loading" });
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(message);
  const [name, setName] = useState("");
  const [phone, setPhone] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);

  const load = useCallback(() => {
    setListing({ status: "loading" });
    listSandboxCitizens().then(
      (citizens) => setListing({ status: "ready", citizens }),
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 404) setListing({ status: "unavailable" });
        else setListing({ status: "error", message: messageOf(error) });
      },
    );
  }, []);
  useEffect(load, [load]);

  const signIn = async (citizenId: string) => {
    setBusy(citizenId);
    setProblem(null);
    try {
      await signInAsSandboxCitizen(citizenId);
    } catch (error) {
      setProblem(messageOf(error));
      setBusy(null);
    }
  };

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === "") {
      setNameError("Vui lòng nhập họ và tên");
      return;
    }
    setNameError(null);
    setBusy("new");
    setProblem(null);
    try {
      const trimmedPhone = phone.trim();
      const citizen = await createSandboxCitizen({
        name: name.trim(),
        ...(trimmedPhone ? { phone: trimmedPhone } : {}),
      });
      await signInAsSandboxCitizen(citizen.id);
    } catch (error) {
      setProblem(messageOf(error));
      setBusy(null);
    }
  };

  if (listing.status === "unavailable") {
    return (
      <Screen title="Đăng nhập" onBack={onBack}>
        <Notice tone="empty" title="Vui lòng mở ứng dụng trong Zalo để đăng nhập.">
          Ứng dụng dùng tài khoản Zalo của bạn để đăng nhập, không cần mật khẩu.
        </Notice>
      </Screen>
    );
  }

  return (
    <Screen title="Đăng nhập thử (sandbox)" onBack={onBack}>
      <div className="dvc-section">
        <h1 className="dvc-page-title">Đăng nhập thử (sandbox)</h1>
        <p className="dvc-lead">
          Đây là bản xem thử trên trình duyệt. Trong Zalo, ứng dụng tự đăng nhập bằng tài khoản Zalo của bạn.
        </p>
        {problem ? (
          <p className="dvc-inline-alert" role="alert">
            {problem}
          </p>
        ) : null}
      </div>
      <section className="dvc-section" aria-labelledby="dvc-sandbox-list">
        <h2 id="dvc-sandbox-list" className="dvc-section__title">
          Chọn công dân thử
        </h2>
        {listing.status === "loading" ? <Loading text="Đang tải danh sách…" /> : null}
        {listing.status === "error" ? (
          <Notice tone="error" title={listing.message} action={{ label: "Thử lại", onClick: load }} />
        ) : null}
        {listing.status === "ready" && listing.citizens.length === 0 ? (
          <p className="dvc-muted">Chưa có công dân thử nào. Hãy tạo một người ở dưới.</p>
        ) : null}
        {listing.status === "ready" && listing.citizens.length > 0 ? (
          <ul className="dvc-rows">
            {listing.citizens.map((citizen) => (
              <li key={citizen.id}>
                <button
                  type="button"
                  className="dvc-row"
                  disabled={busy !== null}
                  onClick={() => signIn(citizen.id)}
                >
                  <UserIcon className="dvc-row__icon" />
                  <span className="dvc-row__text">
                    <span className="dvc-row__title">{citizen.name}</span>
                    <span className="dvc-row__meta">
                      {citizen.phone ? `${citizen.phone} · ` : ""}mã …{citizen.id.slice(-4)}
                    </span>
                  </span>
                  {busy === citizen.id ? (
                    <span className="dvc-spinner" role="status" aria-label="Đang đăng nhập" />
                  ) : (
                    <ChevronRightIcon size={20} className="dvc-row__chevron" />
                  )}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <form className="dvc-section" onSubmit={create} noValidate aria-labelledby="dvc-sandbox-new">
        <h2 id="dvc-sandbox-new" className="dvc-section__title">
          Tạo công dân thử
        </h2>
        <TextInput id="sandbox-name" label="Họ và tên" value={name} onChange={setName} error={nameError} />
        <TextInput
          id="sandbox-phone"
          label="Số điện thoại (không bắt buộc)"
          value={phone}
          onChange={setPhone}
          inputMode="tel"
        />
        <Button htmlType="submit" size="large" fullWidth loading={busy === "new"} disabled={busy !== null}>
          Tạo và đăng nhập
        </Button>
      </form>
    </Screen>
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : "Đã có lỗi xảy ra. Vui lòng thử lại.";
}
