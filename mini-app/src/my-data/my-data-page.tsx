import type { CitizenProfile } from "@dvc/shared/api/citizen-profile";
import { useCallback, useEffect, useState } from "react";
import { Button, useLocation, useNavigate } from "zmp-ui";
import { deleteProfile, exportProfile, getProfile } from "../api/profile";
import { removeAllDrafts } from "../drafts/draft-store";
import { disposeDraftSyncs } from "../drafts/draft-sync";
import { ROUTES } from "../routes";
import { RequireSession } from "../session/require-session";
import { signOut } from "../session/session";
import { Dialog } from "../ui/dialog";
import { DownloadIcon, TrashIcon } from "../ui/icons";
import { Loading, Notice } from "../ui/notice";
import { Screen } from "../ui/screen";
import { useToast } from "../ui/use-toast";
import { forgetProfile } from "../wizard/use-draft-session";
import { ProfileForm } from "./profile-form";
import { ProfileView } from "./profile-view";

/** /du-lieu-cua-toi — the citizen's rights over their data (Nghị định 13/2023): see, correct, export, delete. */
export default function MyDataPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const back = () =>
    location.key === "default"
      ? navigate(ROUTES.home, { replace: true, direction: "backward" })
      : navigate(-1);
  return (
    <RequireSession title="Dữ liệu của tôi" onBack={back}>
      <Screen title="Dữ liệu của tôi" onBack={back} className="dvc-my-data">
        <MyData />
      </Screen>
    </RequireSession>
  );
}

/** Saves JSON as a file on the phone (or the computer, in the preview). */
function download(data: unknown, name: string): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function MyData() {
  const navigate = useNavigate();
  const toast = useToast();
  const [profile, setProfile] = useState<CitizenProfile | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<"export" | "delete" | null>(null);

  const load = useCallback(() => {
    setProblem(null);
    getProfile().then(setProfile, (error: unknown) =>
      setProblem(error instanceof Error ? error.message : "Chưa tải được."),
    );
  }, []);
  useEffect(load, [load]);

  const exportData = async () => {
    setBusy("export");
    try {
      download(await exportProfile(), `du-lieu-cua-toi-${new Date().toISOString().slice(0, 10)}.json`);
      toast("Đã tải về tệp dữ liệu của bạn");
    } catch (error) {
      toast(error instanceof Error ? error.message : "Chưa tải về được", "error");
    } finally {
      setBusy(null);
    }
  };

  const deleteAll = async () => {
    setBusy("delete");
    try {
      await deleteProfile();
      disposeDraftSyncs();
      removeAllDrafts();
      forgetProfile();
      await signOut({ callServer: false });
      toast("Đã xoá dữ liệu của bạn");
      navigate(ROUTES.home, { replace: true, direction: "backward" });
    } catch (error) {
      setConfirming(false);
      toast(error instanceof Error ? error.message : "Chưa xoá được", "error");
      setBusy(null);
    }
  };

  if (problem) return <Notice tone="error" title={problem} action={{ label: "Thử lại", onClick: load }} />;
  if (!profile) return <Loading text="Đang tải thông tin…" />;
  if (editing) {
    return (
      <ProfileForm
        profile={profile}
        onCancel={() => setEditing(false)}
        onSaved={(saved) => {
          setProfile(saved);
          forgetProfile();
          setEditing(false);
          toast("Đã lưu thông tin");
        }}
      />
    );
  }
  return (
    <>
      <section className="dvc-section">
        <h1 className="dvc-page-title">Thông tin của bạn</h1>
        <p className="dvc-lead">Thông tin này được dùng để điền sẵn khi bạn làm thủ tục.</p>
        <ProfileView profile={profile} />
        <Button size="large" variant="secondary" fullWidth onClick={() => setEditing(true)}>
          Sửa thông tin
        </Button>
      </section>
      <section className="dvc-section" aria-labelledby="dvc-export-title">
        <h2 id="dvc-export-title" className="dvc-section__title">
          Tải về
        </h2>
        <p className="dvc-text">
          Một tệp chứa toàn bộ thông tin, bản nháp và hồ sơ ứng dụng đang lưu về bạn.
        </p>
        <Button
          size="large"
          variant="secondary"
          fullWidth
          loading={busy === "export"}
          prefixIcon={<DownloadIcon size={20} />}
          onClick={exportData}
        >
          Tải về dữ liệu (JSON)
        </Button>
      </section>
      <section className="dvc-section" aria-labelledby="dvc-delete-title">
        <h2 id="dvc-delete-title" className="dvc-section__title">
          Xoá dữ liệu
        </h2>
        <p className="dvc-text">
          Xoá thông tin cá nhân, bản nháp và ảnh chưa nộp. Hồ sơ đã nộp vẫn được cơ quan nhà nước lưu theo quy
          định.
        </p>
        <Button
          size="large"
          type="danger"
          fullWidth
          prefixIcon={<TrashIcon size={20} />}
          onClick={() => setConfirming(true)}
        >
          Xoá dữ liệu của tôi
        </Button>
      </section>
      {confirming ? (
        <Dialog
          title="Xoá toàn bộ dữ liệu của bạn?"
          onDismiss={busy ? undefined : () => setConfirming(false)}
          actions={
            <>
              <Button size="large" type="danger" fullWidth loading={busy === "delete"} onClick={deleteAll}>
                Xoá dữ liệu
              </Button>
              <Button
                size="large"
                variant="tertiary"
                fullWidth
                disabled={busy !== null}
                onClick={() => setConfirming(false)}
              >
                Không xoá
              </Button>
            </>
          }
        >
          <p className="dvc-text">
            Thông tin cá nhân, bản nháp và ảnh chưa nộp sẽ bị xoá và không khôi phục được. Bạn sẽ được đăng
            xuất.
          </p>
        </Dialog>
      ) : null}
    </>
  );
}
