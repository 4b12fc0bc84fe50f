import type { OaGroupView, Officer } from "@dvc/shared";
import type { Database } from "../../db/client";
import { AppError } from "../../lib/errors";
import type { Logger } from "../../lib/logger";
import type { OaClient } from "../../zalo/oa-client";
import { recordAudit } from "../officer-desk";
import {
  applySync,
  communeExists,
  findGroup,
  type GroupFromZalo,
  insertCreatedGroup,
  listGroups,
  setGroupCommune,
  toGroupView,
} from "./groups-repo";

/**
 * The groups registry (issue 13 §1): the OA's GMF groups synced from Zalo (getgroupsofoa), created from
 * the officer area on one of the OA's GMF assets (the quota is read from Zalo each time, never assumed,
 * zalo-oa.md §0/§5), and assigned to communes by an admin. Every change is audited.
 */

export type GroupsZalo = Pick<OaClient, "getGroupsOfOa" | "createGroupWithOa" | "getGroupQuota">;

export interface GroupsDeps {
  db: Database;
  logger: Logger;
  oa: GroupsZalo;
}

export interface GroupsAsker {
  officer: Officer;
  addressHash: string;
}

/** [U] getgroupsofoa's page size: 50 at most, like the follower list (zalo-oa.md §6). */
const PAGE = 50;
/** A bound on the pages read in one sync (5,000 groups), so a looping answer cannot hold us. */
const MAX_PAGES = 100;

const NOT_FOUND_MESSAGE = "Không tìm thấy nhóm Zalo này. Vui lòng tải lại danh sách nhóm.";
const NO_ASSET_MESSAGE =
  "OA đã hết lượt tạo nhóm (gói nhóm GMF). Vui lòng mua thêm gói nhóm cho OA hoặc dùng một nhóm có sẵn.";

/** Every group Zalo lists for the OA, page by page to the end. */
async function groupsAtZalo(oa: GroupsZalo): Promise<GroupFromZalo[]> {
  const found = new Map<string, GroupFromZalo>();
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const { groups, total } = await oa.getGroupsOfOa(page * PAGE, PAGE);
    for (const group of groups) found.set(group.groupId, group);
    if (groups.length < PAGE || (total !== undefined && (page + 1) * PAGE >= total)) break;
  }
  return [...found.values()];
}

export function createGroupsService(deps: GroupsDeps) {
  const { db, oa } = deps;
  async function readQuota(): Promise<string[]> {
    return (await oa.getGroupQuota()).availableAssetIds;
  }

  /**
   * GMF assets left, read from Zalo now (issue 13: read, never assumed; no copy kept in this process,
   * which another node would not share); null when Zalo does not answer.
   */
  async function quotaNow(): Promise<number | null> {
    try {
      return (await readQuota()).length;
    } catch (error) {
      deps.logger.warn("group quota read failed", {
        errorClass: error instanceof Error ? error.name : "UnknownError",
      });
      return null;
    }
  }

  /** The sync itself, without an officer (the sandbox's start); how many were found and went. */
  async function syncFromZalo(now = new Date()): Promise<{ found: number; gone: number }> {
    const groups = await groupsAtZalo(oa);
    const gone = await db.transaction((tx) => applySync(tx, groups, now));
    return { found: groups.length, gone };
  }

  return {
    syncFromZalo,

    async list(officer: Officer): Promise<{ groups: OaGroupView[]; groupQuota: number | null }> {
      if (officer.role !== "admin" && officer.communeCode === null) return { groups: [], groupQuota: null };
      const [rows, groupQuota] = await Promise.all([
        listGroups(db, officer.role === "admin" ? null : officer.communeCode),
        quotaNow(),
      ]);
      return { groups: rows.map(toGroupView), groupQuota };
    },

    /** POST /sync (admin): Zalo's list of the OA's groups into the registry. */
    async sync(asker: GroupsAsker, now = new Date()) {
      const groups = await groupsAtZalo(oa);
      const gone = await db.transaction(async (tx) => {
        const went = await applySync(tx, groups, now);
        await recordAudit(tx, {
          ...asker,
          action: "group.sync",
          communeCode: null,
          detail: { found: groups.length, gone: went },
          at: now,
        });
        return went;
      });
      return { found: groups.length, gone };
    },

    async create(
      asker: GroupsAsker,
      input: {
        name: string;
        description: string | null;
        memberUserIds: string[];
        communeCode: string | null;
      },
      now = new Date(),
    ): Promise<OaGroupView> {
      const { officer } = asker;
      // An officer or leader creates for their own commune; an admin names one (or none yet).
      const communeCode = officer.role === "admin" ? input.communeCode : officer.communeCode;
      if (communeCode !== null && !(await communeExists(db, communeCode)))
        throw new AppError("VALIDATION_FAILED", undefined, {
          fields: { communeCode: "Không tìm thấy xã, phường này. Vui lòng chọn lại." },
        });
      const [assetId] = await readQuota();
      if (!assetId) throw new AppError("UNPROCESSABLE", NO_ASSET_MESSAGE);
      const created = await oa.createGroupWithOa({ ...input, assetId });
      const row = await db.transaction(async (tx) => {
        const inserted = await insertCreatedGroup(
          tx,
          {
            groupId: created.groupId,
            name: input.name,
            description: input.description,
            groupLink: created.groupLink,
            status: "enabled",
            communeCode,
          },
          now,
        );
        await recordAudit(tx, {
          ...asker,
          action: "group.create",
          communeCode,
          detail: { groupId: created.groupId, members: input.memberUserIds.length },
          at: now,
        });
        return inserted;
      });
      return toGroupView(row);
    },

    /** PUT /:groupId/commune (admin): which commune's notices go to the group (null: none). */
    async assign(asker: GroupsAsker, groupId: string, communeCode: string | null, now = new Date()) {
      if (communeCode !== null && !(await communeExists(db, communeCode)))
        throw new AppError("VALIDATION_FAILED", undefined, {
          fields: { communeCode: "Không tìm thấy xã, phường này. Vui lòng chọn lại." },
        });
      const row = await db.transaction(async (tx) => {
        const before = await findGroup(tx, groupId);
        if (!before) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
        const after = await setGroupCommune(tx, groupId, communeCode);
        await recordAudit(tx, {
          ...asker,
          action: "group.assign",
          communeCode,
          detail: { groupId, from: before.communeCode, to: communeCode },
          at: now,
        });
        return after ?? before;
      });
      return toGroupView(row);
    },
  };
}

export type GroupsService = ReturnType<typeof createGroupsService>;
