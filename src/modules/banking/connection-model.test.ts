// The connection state machine: every transition, every refusal, the effects, and who may remove.
import { describe, expect, it } from "vitest";
import { AppError } from "../../platform/errors.ts";
import {
  CONNECTION_EVENTS,
  CONNECTION_STATES,
  canTransition,
  effectsOf,
  mayRemove,
  nextState,
  requireMayRemove,
} from "./connection-model.ts";

describe("connection states", () => {
  it("follows requested → setting up → connected → disconnected → setting up", () => {
    expect(nextState("requested", "set-up")).toBe("setting_up");
    expect(nextState("setting_up", "connected")).toBe("connected");
    expect(nextState("connected", "lost")).toBe("disconnected");
    expect(nextState("connected", "disconnect")).toBe("disconnected");
    expect(nextState("disconnected", "reconnect")).toBe("setting_up");
    expect(nextState("setting_up", "lost")).toBe("disconnected");
  });

  it("allows exactly the table's transitions and refuses the rest with a conflict", () => {
    const allowed = new Set([
      "requested/set-up",
      "setting_up/connected",
      "setting_up/lost",
      "connected/lost",
      "connected/disconnect",
      "disconnected/reconnect",
    ]);
    for (const state of CONNECTION_STATES) {
      for (const event of CONNECTION_EVENTS) {
        const ok = allowed.has(`${state}/${event}`);
        expect(canTransition(state, event), `${state}/${event}`).toBe(ok);
        if (!ok) {
          let error: unknown;
          try {
            nextState(state, event);
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe("banking/invalid-connection-transition");
          expect((error as AppError).status).toBe(409);
        }
      }
    }
  });

  it("never skips the set-up: a requested connection cannot be connected directly", () => {
    expect(() => nextState("requested", "connected")).toThrow(
      /requested connection cannot become connected.*set-up/,
    );
  });

  it("gives the owner a reconnect task when the connection breaks or someone else disconnects it", () => {
    expect(effectsOf("disconnected", "lost", { actorId: "system", ownerId: "u1" })).toEqual({
      reconnectTask: true,
      closeRequests: false,
    });
    expect(effectsOf("disconnected", "disconnect", { actorId: "u2", ownerId: "u1" }).reconnectTask).toBe(
      true,
    );
    expect(effectsOf("disconnected", "disconnect", { actorId: "u1", ownerId: "u1" }).reconnectTask).toBe(
      false,
    );
    expect(effectsOf("connected", "connected", { actorId: "u1", ownerId: "u1" })).toEqual({
      reconnectTask: false,
      closeRequests: true,
    });
    expect(effectsOf("setting_up", "set-up", { actorId: "u1", ownerId: "u1" })).toEqual({
      reconnectTask: false,
      closeRequests: false,
    });
  });

  it("lets only the owner or a Partner Admin remove a connection", () => {
    const conn = { owner_id: "owner", owner_name: "Olga Owner" };
    expect(mayRemove({ id: "owner", role: "client_ops" }, conn)).toBe(true);
    expect(mayRemove({ id: "someone", role: "partner_admin" }, conn)).toBe(true);
    expect(mayRemove({ id: "someone", role: "partner_ops" }, conn)).toBe(false);
    expect(mayRemove({ id: "someone", role: "client_admin" }, conn)).toBe(false);
    expect(() => requireMayRemove({ id: "someone", role: "partner_ops" }, conn)).toThrow(/Olga Owner/);
  });
});
