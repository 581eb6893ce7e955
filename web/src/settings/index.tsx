// Personal pages (profile and security, notification settings), reached from the profile menu.
import type { PortalModule } from "../modules/registry.ts";
import { ProfilePage } from "./ProfilePage.tsx";
import { NotificationSettingsPage } from "./NotificationSettingsPage.tsx";

export const settingsModule: PortalModule = {
  id: "settings",
  label: "Settings",
  help: "portal",
  nav: {},
  routes: [
    { path: "/settings/profile", render: () => <ProfilePage /> },
    { path: "/settings/notifications", render: () => <NotificationSettingsPage /> },
  ],
};
