/** Paths of the citizen screens, in one place for links and tests. */
export const ROUTES = {
  home: "/",
  communePicker: "/chon-xa-phuong",
} as const;
