/**
 * Broadcast notices (issue 13): the module's public face. Other modules import only from here.
 */

export { BOARD_BASE, boardRoutes } from "./board/routes";
// Fan-out, progress and the groups registry (engineer B).
export { type DispatcherDeps, runDueNotices, startNoticeDispatcher } from "./dispatcher";
export { FANOUT_BATCH, fanoutStep } from "./fanout";
export { groupRoutes } from "./groups-routes";
export { createGroupsService, type GroupsService } from "./groups-service";
export { type Actor, maySee } from "./notice-rules";
export { NOTICE_IMAGE_PATH, noticeRoutes } from "./notices-routes";
export { noticeProgress, noticeReport } from "./progress";
export { findPublicNotice, listPublicNotices } from "./public-notices";
export { publicNoticeRoutes } from "./public-routes";
export { clearNoticeCommune, findNoticeCommune, setNoticeCommune } from "./subscriptions";
export { createTagSync, type TagSync } from "./tag-sync";
