import { useState } from "react";
import { Button } from "zmp-ui";
import { sandboxAccessToken, sandboxPhoneToken } from "../../api/auth";
import { linkZaloPhone } from "../../api/profile";
import { getZaloAccessToken, getZaloPhoneToken, isInsideZalo } from "../../platform/zalo";
import { currentSession } from "../../session/session";
import { PhoneIcon } from "../../ui/icons";
import { TextInput } from "../../ui/text-input";
import { forgetProfile } from "../use-draft-session";
import { asText, inputId, type LeafProps } from "./field-types";

/** "84912345678" (stored) → "0912345678" (how people read and type it). */
function national(phone: string): string {
  return /^84\d{9}$/.test(phone) ? `0${phone.slice(2)}` : phone;
}

/** Zalo's one-time phone token and an access token: from Zalo itself, or from the sandbox in the preview. */
async function phoneTokens(): Promise<{ phoneToken: string; accessToken: string }> {
  if (isInsideZalo()) {
    const phoneToken = await getZaloPhoneToken();
    return { phoneToken, accessToken: await getZaloAccessToken() };
  }
  const via = currentSession()?.via;
  if (via?.kind !== "sandbox") throw new Error("Tính năng này chỉ dùng được khi mở ứng dụng trong Zalo.");
  const phoneToken = await sandboxPhoneToken(via.citizenId);
  return { phoneToken, accessToken: await sandboxAccessToken(via.citizenId) };
}

/** Whether "Dùng số điện thoại Zalo" can work here. */
function canUseZaloPhone(): boolean {
  return isInsideZalo() || currentSession()?.via.kind === "sandbox";
}

/**
 * A mobile number, typed or taken from Zalo. Zalo asks the citizen first and gives a token the server
 * exchanges; typing it by hand always works too.
 */
export function PhoneField({ field, path, value, onChange, env }: LeafProps<"phone">) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const takeZaloPhone = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const { phoneToken, accessToken } = await phoneTokens();
      const phone = await linkZaloPhone(phoneToken, accessToken);
      forgetProfile();
      if (phone) onChange(national(phone));
      else setProblem("Zalo chưa gửi số điện thoại. Bạn có thể tự nhập số.");
    } catch (error) {
      const reason = error instanceof Error ? error.message : "Chưa lấy được số điện thoại.";
      setProblem(`${reason} Bạn có thể tự nhập số.`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <TextInput
      id={inputId(path)}
      label={field.label}
      hint={
        // The example as a hint, not a placeholder: it wraps at 200 % zoom and stays while typing.
        <>
          {field.help ? <span className="dvc-field__hint-line">{field.help}</span> : null}
          <span className="dvc-field__hint-line">Ví dụ: 0912 345 678</span>
        </>
      }
      error={env.errors.get(path)}
      value={national(asText(value))}
      onChange={onChange}
      type="tel"
      inputMode="tel"
      autoComplete="tel"
      badge={env.prefilledBadge(field.id)}
      after={
        canUseZaloPhone() ? (
          <div className="dvc-field__extra">
            <Button
              variant="secondary"
              size="large"
              fullWidth
              loading={busy}
              onClick={takeZaloPhone}
              prefixIcon={<PhoneIcon size={20} />}
            >
              Dùng số điện thoại Zalo
            </Button>
            <p className="dvc-field__note">
              Zalo sẽ hỏi bạn có đồng ý chia sẻ số điện thoại không. Số này chỉ dùng để cán bộ liên hệ về hồ
              sơ.
            </p>
            {problem ? (
              <p className="dvc-field__note dvc-field__note--warn" role="alert">
                {problem}
              </p>
            ) : null}
          </div>
        ) : null
      }
    />
  );
}
