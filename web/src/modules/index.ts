// Every module the portal shows, in navigation order. A new module adds its PortalModule here.
import type { PortalModule } from "./registry.ts";
import { homeModule } from "./home/index.tsx";
import { clientsModule } from "./clients/index.tsx";
import { ledgerModule } from "./ledger/index.tsx";
import { reportsModule } from "./reports/index.tsx";
import { bankingModule } from "./banking/index.tsx";
import { transactionsModule } from "./transactions/index.tsx";
import { reconcileModule } from "./reconcile/index.tsx";
import { workModule } from "./work/index.tsx";
import { closeModule } from "./close/index.tsx";
import { servicesModule } from "./services/index.tsx";
import { documentsModule } from "./documents/index.tsx";
import { receiptsModule } from "./receipts/index.tsx";
import { vaultModule } from "./vault/index.tsx";
import { journalsModule } from "./journals/index.tsx";
import { activityModule } from "./activity/index.tsx";
import { helpModule } from "./help/index.tsx";
import { settingsModule } from "../settings/index.tsx";

export const MODULES: PortalModule[] = [
  homeModule,
  clientsModule,
  ledgerModule,
  reportsModule,
  bankingModule,
  transactionsModule,
  reconcileModule,
  workModule,
  closeModule,
  servicesModule,
  documentsModule,
  receiptsModule,
  vaultModule,
  journalsModule,
  activityModule,
  helpModule,
  settingsModule,
];
