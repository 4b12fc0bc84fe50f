import { type FormEvent, useEffect, useRef, useState } from "react";
import { sandboxApi } from "./sandbox-api";

interface AddResidentDialogProps {
  open: boolean;
  onClose(): void;
  /** The new resident's id, once the server has them. */
  onAdded(residentId: string): void;
}

/**
 * "Thêm cư dân": a name, and optionally the sandbox Mini App user this resident is (their dossiers then
 * show in the chat too); or the demo followers of Phường Ba Đình's notices (demo-followers.ts). The browser's own modal <dialog>: focus stays inside, Esc closes it.
 */
export function AddResidentDialog({ open, onClose, onAdded }: AddResidentDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const [name, setName] = useState("");
  const [linkTo, setLinkTo] = useState("");
  const [users, setUsers] = useState<readonly { id: string; name: string }[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const node = dialog.current;
    if (!node) return;
    if (!open) {
      if (node.open) node.close();
      return;
    }
    // Each opening starts blank, with the Mini App users as they are now.
    setName("");
    setLinkTo("");
    setError(null);
    setUsers([]);
    let live = true;
    sandboxApi
      .miniAppUsers()
      .then((data) => {
        if (live) setUsers(data.users);
      })
      .catch(() => {});
    if (!node.open) node.showModal();
    nameInput.current?.focus();
    return () => {
      live = false;
    };
  }, [open]);

  function chooseLink(id: string) {
    setLinkTo(id);
    // Most residents are named as their Mini App account is: fill it in when nothing was typed.
    const chosen = users.find((user) => user.id === id);
    if (chosen && name.trim() === "") setName(chosen.name);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const { resident } = await sandboxApi.addResident(
        linkTo ? { displayName: name, linkToSandboxUserId: linkTo } : { displayName: name },
      );
      onClose();
      onAdded(resident.id);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  async function addDemo() {
    try {
      const { residents } = await sandboxApi.addDemoFollowers();
      onClose();
      if (residents[0]) onAdded(residents[0].id);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <dialog id="add-dialog" aria-labelledby="add-title" ref={dialog} onClose={onClose}>
      <form id="add-form" autoComplete="off" onSubmit={(event) => void submit(event)}>
        <h2 id="add-title">Thêm cư dân</h2>
        <label htmlFor="add-name">Tên hiển thị trên Zalo</label>
        <input
          id="add-name"
          ref={nameInput}
          name="displayName"
          maxLength={100}
          required
          placeholder="Ví dụ: Nguyễn Văn An"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <label htmlFor="add-link">Người này đã dùng Mini App?</label>
        <select id="add-link" name="link" value={linkTo} onChange={(event) => chooseLink(event.target.value)}>
          <option value="">Không — chỉ nhắn tin với OA</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {`${user.name} (đã dùng Mini App)`}
            </option>
          ))}
        </select>
        <p className="note">
          Liên kết với một người dùng Mini App sandbox để hồ sơ của họ hiện cả trong trò chuyện.
        </p>
        <p className="note">
          Hoặc thêm nhanh cư dân mẫu đã quan tâm OA và nhắn “Nhận thông báo phường Ba Đình”, để thử gửi thông
          báo của phường.
        </p>
        <button type="button" id="add-demo" data-testid="add-demo-followers" onClick={() => void addDemo()}>
          Thêm cư dân mẫu nhận thông báo
        </button>
        <p className="error" id="add-error" role="alert" hidden={error === null}>
          {error}
        </p>
        <div className="actions">
          <button type="button" id="add-cancel" onClick={onClose}>
            Hủy
          </button>
          <button type="submit" className="primary">
            Thêm
          </button>
        </div>
      </form>
    </dialog>
  );
}
