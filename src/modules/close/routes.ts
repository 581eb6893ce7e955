// HTTP routes of the Close Tracker: the board, a client's month (view, change, close, reopen), the
// firm's holiday list and a client's close settings.
import type { App } from "../../platform/http.ts";
import { closeBoard } from "./board-service.ts";
import type { CloseCtx } from "./close-ctx.ts";
import { closeMonth, reopenMonth } from "./close-service.ts";
import { resendClosePackage } from "./delivery-service.ts";
import { getMonth, updateMonth } from "./month-service.ts";
import {
  boardOut,
  boardQuery,
  clientParam,
  closeIn,
  closeOut,
  errors,
  holidaysIo,
  monthOut,
  monthParam,
  monthPatch,
  reopenIn,
  settingsOut,
  settingsPatch,
} from "./schemas.ts";
import { getCloseSettings, listHolidays, replaceHolidays, updateCloseSettings } from "./settings-service.ts";

const tags = { tags: ["Close Tracker"] };
const month = "/api/clients/:client/close/:month";

export function closeRoutes(cctx: CloseCtx) {
  return async (app: App) => {
    app.get(
      "/api/close/board",
      {
        schema: {
          ...tags,
          summary: "Clients × months: status, preparer, reviewer, due dates, blockers",
          querystring: boardQuery,
          response: { 200: boardOut, ...errors },
        },
      },
      async (req) => closeBoard(cctx, req.actor, req.query),
    );
    app.get(
      month,
      {
        schema: {
          ...tags,
          summary: "A client's month: status, due dates, live blockers (each with where to fix it), timeline",
          params: monthParam,
          response: { 200: monthOut, ...errors },
        },
      },
      async (req) => getMonth(cctx, req.actor, req.params.client, req.params.month),
    );
    app.patch(
      month,
      {
        schema: {
          ...tags,
          summary:
            "Set the preparer, the reviewer, in progress or ready for review, the information's arrival",
          params: monthParam,
          body: monthPatch,
          response: { 200: monthOut, ...errors },
        },
      },
      async (req) => updateMonth(cctx, req.actor, req.params.client, req.params.month, req.body),
    );
    app.post(
      `${month}/close`,
      {
        schema: {
          ...tags,
          summary:
            "Close the month (the previous must be closed; blockers need an override with a reason); hard close locks the ledger period; asks for the report package",
          params: monthParam,
          body: closeIn,
          response: { 200: closeOut, ...errors },
        },
      },
      async (req) => {
        const done = await closeMonth(cctx, req.actor, req.params.client, req.params.month, req.body);
        return { ...done.month, packageId: done.package?.packageId ?? null };
      },
    );
    app.post(
      `${month}/send-package`,
      {
        schema: {
          ...tags,
          summary:
            "Send the closed month's report package again to the client's contacts not yet sent it (after a failure)",
          params: monthParam,
          response: { 200: monthOut, ...errors },
        },
      },
      async (req) => resendClosePackage(cctx, req.actor, req.params.client, req.params.month),
    );
    app.post(
      `${month}/reopen`,
      {
        schema: {
          ...tags,
          summary: "Reopen a closed month (Partner Admin; unlocks the period, tells the preparer)",
          params: monthParam,
          body: reopenIn,
          response: { 200: monthOut, ...errors },
        },
      },
      async (req) => reopenMonth(cctx, req.actor, req.params.client, req.params.month, req.body),
    );
    app.get(
      "/api/firm/holidays",
      {
        schema: {
          ...tags,
          summary: "The firm's holidays (not business days)",
          response: { 200: holidaysIo, ...errors },
        },
      },
      async (req) => ({ holidays: await listHolidays(cctx, req.actor) }),
    );
    app.put(
      "/api/firm/holidays",
      {
        schema: {
          ...tags,
          summary: "Replace the firm's holiday list",
          body: holidaysIo,
          response: { 200: holidaysIo, ...errors },
        },
      },
      async (req) => ({ holidays: await replaceHolidays(cctx, req.actor, req.body.holidays) }),
    );
    app.get(
      "/api/clients/:client/close-settings",
      {
        schema: {
          ...tags,
          summary: "The client's close cadence, hard or soft close, default preparer and reviewer",
          params: clientParam,
          response: { 200: settingsOut, ...errors },
        },
      },
      async (req) => getCloseSettings(cctx, req.actor, req.params.client),
    );
    app.patch(
      "/api/clients/:client/close-settings",
      {
        schema: {
          ...tags,
          summary: "Change the client's close settings (a cadence change applies from the next month)",
          params: clientParam,
          body: settingsPatch,
          response: { 200: settingsOut, ...errors },
        },
      },
      async (req) => updateCloseSettings(cctx, req.actor, req.params.client, req.body),
    );
  };
}
