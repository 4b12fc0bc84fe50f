/// <reference types="vite/client" />

interface ImportMetaEnv {
  /**
   * Absolute URL of the bot-server (e.g. https://dvc.example.vn). Needed inside Zalo, where the app is
   * served from h5.zdn.vn; unset, the app calls the server it was loaded from.
   */
  readonly VITE_API_BASE_URL?: string;
  /** The Official Account that sends dossier updates; unset, the receipt does not offer to follow it. */
  readonly VITE_ZALO_OA_ID?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
