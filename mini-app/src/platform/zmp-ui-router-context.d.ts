/**
 * zmp-ui keeps the context its `useNavigate`, `Page` and `AnimationRoutes` read inside ZMPRouter's module
 * and does not export it from its index; its own typings (zmp-ui/router) describe the value. Only
 * platform/router.tsx imports it, to give the web preview a router of its own (see there why).
 */
declare module "zmp-ui/esm/components/router/ZMPRouter" {
  import type { Context } from "react";
  import type { AnimationRouterContextType } from "zmp-ui/router";

  export const AnimationRouterContext: Context<AnimationRouterContextType | undefined>;
}
